import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryRecord } from './query-fixtures.ts';
import type { QueryRecord } from './query-record.ts';
import { SORT_FIELDS, type SortField, type ViewSort } from './view-definition.ts';
import { compareBy, effectiveSort, sortRecords, sortSignature } from './view-sort.ts';

const asc = (field: SortField) => ({ field, direction: 'asc' as const });
const desc = (field: SortField) => ({ field, direction: 'desc' as const });

/** [label, sort, a, b, sign of compare(a, b)] */
type Case = [string, ViewSort, Record<string, unknown>, Record<string, unknown>, -1 | 0 | 1];

const cases: Case[] = [
  ['priority asc: urgent first', [asc('priority')], { priority: 'urgent' }, { priority: 'high' }, -1],
  ['priority asc: low last', [asc('priority')], { priority: 'low' }, { priority: 'normal' }, 1],
  ['priority desc', [desc('priority')], { priority: 'urgent' }, { priority: 'low' }, 1],
  ['createdAt asc', [asc('createdAt')], { createdAt: 1 }, { createdAt: 2 }, -1],
  ['createdAt desc', [desc('createdAt')], { createdAt: 1 }, { createdAt: 2 }, 1],
  ['updatedAt asc', [asc('updatedAt')], { updatedAt: 5, createdAt: 9 }, { updatedAt: 6, createdAt: 1 }, -1],
  ['updatedAt desc', [desc('updatedAt')], { updatedAt: 5 }, { updatedAt: 6 }, 1],
  ['number asc', [asc('number')], { number: 7 }, { number: 12 }, -1],
  ['number desc', [desc('number')], { number: 7 }, { number: 12 }, 1],
  ['number missing sorts after numbered (asc)', [asc('number')], { number: undefined }, { number: 2_000_000_000 }, 1],
  ['number missing sorts first descending', [desc('number')], { number: undefined }, { number: 1 }, -1],
  ['status asc follows the lifecycle', [asc('status')], { status: 'new' }, { status: 'open' }, -1],
  ['status asc: closed last', [asc('status')], { status: 'closed' }, { status: 'solved' }, 1],
  ['status desc', [desc('status')], { status: 'pending' }, { status: 'on_hold' }, 1],
  ['sla due asc: soonest first', [asc('sla_due')], { slaDueAt: 5 }, { slaDueAt: 9 }, -1],
  ['sla due asc: breached before due', [asc('sla_due')], { slaDueAt: -1 }, { slaDueAt: 1 }, -1],
  ['sla due asc: no clock last', [asc('sla_due')], { slaDueAt: null }, { slaDueAt: 8_000_000_000_000 }, 1],
  ['sla due desc: no clock first', [desc('sla_due')], { slaDueAt: null }, { slaDueAt: 1 }, -1],
  ['sla due: two without clock tie', [asc('sla_due'), asc('number')], { slaDueAt: null }, { number: 2 }, -1],
  // precedence: later keys only break ties of earlier ones
  ['first key decides', [asc('priority'), asc('createdAt')], { priority: 'low', createdAt: 1 }, { createdAt: 9 }, 1],
  ['second key breaks a tie', [asc('priority'), desc('createdAt')], { createdAt: 1 }, { createdAt: 9 }, 1],
  ['third key breaks two', [asc('status'), asc('priority'), asc('number')], { number: 3 }, { number: 4 }, -1],
  // ties after every key: id, in the last key's direction
  ['id tie-break, last key asc', [desc('priority'), asc('createdAt')], { id: 'tkt_a' }, { id: 'tkt_b' }, -1],
  ['id tie-break, last key desc', [asc('priority'), desc('createdAt')], { id: 'tkt_a' }, { id: 'tkt_b' }, 1],
  ['id tie-break, single desc key', [desc('number')], { id: 'tkt_a' }, { id: 'tkt_b' }, 1],
  ['the same ticket', [asc('priority')], {}, {}, 0],
];

describe('compareBy', () => {
  it.each(cases)('%s', (_label, sort, a, b, sign) => {
    const compare = compareBy(sort);
    expect(Math.sign(compare(queryRecord(a), queryRecord(b)))).toBe(sign);
    expect(Math.sign(compare(queryRecord(b), queryRecord(a)))).toBe(-sign || 0);
  });

  it('orders a flipped sort exactly in reverse, ties included', () => {
    const records: QueryRecord[] = [];
    let n = 0;
    for (const priority of ['urgent', 'normal'])
      for (const createdAt of [1, 2])
        for (const number of [1, undefined])
          records.push(queryRecord({ id: `tkt_${n++}`, priority, createdAt, number }));
    const sort: ViewSort = [asc('priority'), desc('createdAt'), asc('number')];
    const flipped: ViewSort = [desc('priority'), asc('createdAt'), desc('number')];
    const forward = [...records].sort(compareBy(sort)).map((r) => r.id);
    const backward = [...records].sort(compareBy(flipped)).map((r) => r.id);
    expect(backward).toEqual([...forward].reverse());
  });
});

describe('effectiveSort', () => {
  it.each([
    ['no grouping keeps the sort', { sort: [desc('createdAt')], groupBy: 'none' }, [desc('createdAt')]],
    [
      'grouping by priority puts it first, ascending',
      { sort: [desc('createdAt')], groupBy: 'priority' },
      [asc('priority'), desc('createdAt')],
    ],
    [
      'the group replaces its own key',
      { sort: [desc('priority'), asc('createdAt')], groupBy: 'priority' },
      [asc('priority'), asc('createdAt')],
    ],
    [
      'grouping by status',
      { sort: [asc('priority'), asc('createdAt')], groupBy: 'status' },
      [asc('status'), asc('priority'), asc('createdAt')],
    ],
    [
      'at most three keys',
      { sort: [asc('priority'), asc('createdAt'), asc('number')], groupBy: 'status' },
      [asc('status'), asc('priority'), asc('createdAt')],
    ],
  ] as const)('%s', (_label, view, expected) => {
    expect(effectiveSort({ sort: [...view.sort], groupBy: view.groupBy })).toEqual(expected);
  });
});

describe('sortSignature', () => {
  it('names the keys in order', () => {
    expect(sortSignature([asc('priority'), desc('createdAt')])).toBe('priority:asc,createdAt:desc');
    expect(sortSignature([desc('createdAt'), asc('priority')])).not.toBe(
      sortSignature([asc('priority'), desc('createdAt')]),
    );
  });
});

describe('sortRecords', () => {
  it('orders many records exactly as compareBy does, for every sort', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            priority: fc.constantFrom('urgent', 'high', 'normal', 'low'),
            status: fc.constantFrom('new', 'open', 'pending', 'on_hold', 'solved', 'closed'),
            createdAt: fc.integer({ min: 0, max: 20 }),
            updatedAt: fc.integer({ min: 0, max: 20 }),
            number: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
            slaDueAt: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }),
          }),
          { minLength: 60, maxLength: 300 },
        ),
        fc.array(fc.record({ field: fc.constantFrom(...SORT_FIELDS), direction: fc.constantFrom('asc', 'desc') }), {
          minLength: 1,
          maxLength: 3,
        }),
        (rows, sort) => {
          const records = rows.map((row, index) =>
            queryRecord({ ...row, id: `tkt_${String((index * 7919) % 1000).padStart(4, '0')}_${index}` }),
          );
          const typed = sort as ViewSort;
          expect(sortRecords(records, typed).map((r) => r.id)).toEqual(
            [...records].sort(compareBy(typed)).map((r) => r.id),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
