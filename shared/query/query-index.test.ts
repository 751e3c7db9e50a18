import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_TIERS, type CustomerTier } from '../domain/customer.ts';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '../domain/ticket.ts';
import { BUILTIN_VIEWS } from './builtin-views.ts';
import { evaluateView } from './evaluate-view.ts';
import { type IndexContext, QueryIndex } from './query-index.ts';
import { queryRecord } from './query-fixtures.ts';
import type { QueryRecord } from './query-record.ts';
import { GROUP_FIELDS, SORT_FIELDS, type ViewDefinition, type ViewFilter } from './view-definition.ts';
import { dependsOnClock, matchesFilter } from './view-match.ts';

// Small pools on purpose: ids collide (upserts replace), sort keys collide (the id
// tie-break decides), and filters both match and miss.
const IDS = Array.from({ length: 24 }, (_, i) => `tkt_${String(i).padStart(2, '0')}`);
const USERS = ['usr_me', 'usr_a', 'usr_b'];
const CUSTOMERS = ['cus_1', 'cus_2', 'cus_3', 'cus_4'];
const TAGS = ['login', 'billing', 'sso'];
const KEYS = ['v0', 'v1', 'v2', 'v3'];

const recordArb: fc.Arbitrary<QueryRecord> = fc
  .record({
    id: fc.constantFrom(...IDS),
    number: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    status: fc.constantFrom(...TICKET_STATUSES),
    priority: fc.constantFrom(...TICKET_PRIORITIES),
    channel: fc.constantFrom(...TICKET_CHANNELS),
    assigneeId: fc.constantFrom(null, ...USERS),
    customerId: fc.constantFrom(...CUSTOMERS),
    tags: fc.subarray(TAGS),
    createdAt: fc.integer({ min: 0, max: 6 }).map((step) => step * 1_000),
    updatedAt: fc.integer({ min: 0, max: 3 }),
    // Deadlines on the same coarse grid as the clock, so ties, breached and not yet due all occur.
    slaDueAt: fc.option(
      fc.integer({ min: 0, max: 12 }).map((step) => step * 1_000),
      { nil: null, freq: 3 },
    ),
  })
  .map((fields) => queryRecord(fields));

const tiersArb = fc
  .tuple(...CUSTOMERS.map(() => fc.option(fc.constantFrom(...CUSTOMER_TIERS), { nil: undefined })))
  .map((tiers) => {
    const byCustomer = new Map(CUSTOMERS.map((id, i) => [id, tiers[i]]));
    return (customerId: string): CustomerTier | undefined => byCustomer.get(customerId);
  });
const meArb = fc.constantFrom(null, 'usr_me', 'usr_a');
const nowArb = fc.integer({ min: 0, max: 12_000 });

const CRITERIA = {
  statuses: fc.subarray([...TICKET_STATUSES], { minLength: 1 }),
  priorities: fc.subarray([...TICKET_PRIORITIES], { minLength: 1 }),
  assignee: fc.oneof(
    fc.constantFrom({ kind: 'me' }, { kind: 'unassigned' }, { kind: 'meOrUnassigned' }, { kind: 'assigned' }),
    fc.subarray(USERS, { minLength: 1 }).map((ids) => ({ kind: 'users', ids })),
  ),
  customerIds: fc.subarray(CUSTOMERS, { minLength: 1 }),
  customerTiers: fc.subarray([...CUSTOMER_TIERS], { minLength: 1 }),
  channels: fc.subarray([...TICKET_CHANNELS], { minLength: 1 }),
  tags: fc.subarray(TAGS, { minLength: 1 }),
  olderThanMs: fc.integer({ min: 1, max: 8_000 }),
  newerThanMs: fc.integer({ min: 1, max: 8_000 }),
  slaDueWithinMs: fc.integer({ min: 1, max: 8_000 }),
  text: fc.constant('refund'),
};

/**
 * Any criterion can appear, but only up to three at once: with all of them the
 * views would nearly always be empty and prove little.
 */
const filterArb: fc.Arbitrary<ViewFilter> = fc
  .tuple(fc.record(CRITERIA), fc.subarray(Object.keys(CRITERIA) as (keyof typeof CRITERIA)[], { maxLength: 3 }))
  .map(([values, keys]) => Object.fromEntries(keys.map((key) => [key, values[key]])) as ViewFilter);

const viewArb: fc.Arbitrary<ViewDefinition> = fc.record({
  filter: filterArb,
  sort: fc.array(fc.record({ field: fc.constantFrom(...SORT_FIELDS), direction: fc.constantFrom('asc', 'desc') }), {
    minLength: 1,
    maxLength: 3,
  }),
  groupBy: fc.constantFrom(...GROUP_FIELDS),
});

const textMatchesArb = fc.option(
  fc.subarray(IDS).map((ids) => new Set(ids)),
  { nil: null, freq: 5 },
);

type Op =
  | { kind: 'upsert'; records: QueryRecord[] }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'clear' }
  | { kind: 'context'; context: Partial<IndexContext> }
  | { kind: 'open'; key: string; view: ViewDefinition; textMatches: ReadonlySet<string> | null }
  | { kind: 'retext'; key: string; textMatches: ReadonlySet<string> | null }
  | { kind: 'close'; key: string }
  | { kind: 'prepare'; view: ViewDefinition };

const keyArb = fc.constantFrom(...KEYS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(recordArb, { minLength: 1, maxLength: 6 })
      .map((records) => ({ kind: 'upsert', records }) as const),
  },
  // Bigger than every merge threshold the index is built with: the merge path.
  {
    weight: 3,
    arbitrary: fc
      .array(recordArb, { minLength: 10, maxLength: 40 })
      .map((records) => ({ kind: 'upsert', records }) as const),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(...IDS, 'tkt_unknown'), { minLength: 1, maxLength: 14 })
      .map((ids) => ({ kind: 'remove', ids }) as const),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' } as const) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        meArb.map((me) => ({ me })),
        nowArb.map((now) => ({ now })),
        tiersArb.map((tierOf) => ({ tierOf })),
        fc.record({ me: meArb, now: nowArb, tierOf: tiersArb }),
      )
      .map((context) => ({ kind: 'context', context }) as const),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ key: keyArb, view: viewArb, textMatches: textMatchesArb })
      .map((open) => ({ kind: 'open', ...open }) as const),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ key: keyArb, textMatches: textMatchesArb })
      .map((retext) => ({ kind: 'retext', ...retext }) as const),
  },
  { weight: 1, arbitrary: keyArb.map((key) => ({ kind: 'close', key }) as const) },
  { weight: 1, arbitrary: viewArb.map((view) => ({ kind: 'prepare', view }) as const) },
);

const setupArb = fc.record({
  context: fc.record({ me: meArb, now: nowArb, tierOf: tiersArb }),
  mergeThreshold: fc.constantFrom(3, 8),
  idleOrderings: fc.constantFrom(0, 2),
});

interface ModelView {
  view: ViewDefinition;
  textMatches: ReadonlySet<string> | null;
}

/** A plain check: `expect` per element is too slow for thousands of steps. */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

const ids = (rows: readonly QueryRecord[]) => rows.map((row) => row.id).join(' ');

/** Reads a view's rows through its snapshot and checks them, and every read it offers, against the plain evaluator. */
function checkView(index: QueryIndex, key: string, expected: QueryRecord[]): QueryRecord[] {
  const snapshot = index.view(key);
  if (!snapshot) throw new Error(`view ${key} is not open`);
  const rows = snapshot.slice(0, snapshot.length);
  check(ids(rows) === ids(expected), () => `view ${key}: rows [${ids(rows)}], expected [${ids(expected)}]`);
  check(
    snapshot.length === expected.length,
    () => `view ${key}: length ${snapshot.length}, expected ${expected.length}`,
  );
  rows.forEach((row, i) => {
    check(row === expected[i] && snapshot.at(i) === row, () => `view ${key} row ${i} is not the stored record`);
  });
  check(snapshot.at(expected.length) === undefined, () => `view ${key} reads past its end`);
  for (const id of [...IDS, 'tkt_unknown']) {
    const position = expected.findIndex((row) => row.id === id);
    check(
      snapshot.indexOf(id) === position,
      () => `view ${key}: indexOf(${id}) ${snapshot.indexOf(id)}, expected ${position}`,
    );
  }
  return rows;
}

describe('QueryIndex agrees with evaluateView', () => {
  it('for random records, views and interleaved writes, after every step', () => {
    // How often a checked view had rows to order: guards against a generator whose views are all empty.
    let checks = 0;
    let populated = 0;
    fc.assert(
      fc.property(setupArb, fc.array(opArb, { minLength: 10, maxLength: 60 }), (setup, ops) => {
        const index = new QueryIndex(setup);
        let context: IndexContext = setup.context;
        const records = new Map<string, QueryRecord>();
        const views = new Map<string, ModelView>();
        const notified: ReadonlySet<string>[] = [];
        index.subscribe((changed) => notified.push(changed));
        let previous = new Map<string, { rows: QueryRecord[]; version: number }>();

        for (const op of ops) {
          notified.length = 0;
          // Views this step may list: those whose rows a record of the batch (before or after) could be in, and so on.
          const mayChange = new Set<string>();
          const couldHold = (record: QueryRecord | undefined) => {
            if (!record) return;
            for (const [key, { view, textMatches }] of views) {
              if (matchesFilter(record, view.filter, { ...context, textMatches })) mayChange.add(key);
            }
          };
          switch (op.kind) {
            case 'upsert':
              for (const record of op.records) {
                couldHold(records.get(record.id));
                couldHold(record);
                records.set(record.id, record);
              }
              index.upsert(op.records);
              break;
            case 'remove':
              for (const id of op.ids) {
                couldHold(records.get(id));
                records.delete(id);
              }
              index.remove(op.ids);
              break;
            case 'clear':
              for (const record of records.values()) couldHold(record);
              records.clear();
              index.clear();
              break;
            case 'context': {
              const next = { ...context, ...op.context };
              for (const [key, { view }] of views) {
                const { assignee, customerTiers } = view.filter;
                if (
                  (next.me !== context.me && (assignee?.kind === 'me' || assignee?.kind === 'meOrUnassigned')) ||
                  (next.tierOf !== context.tierOf && customerTiers) ||
                  (next.now !== context.now && dependsOnClock(view.filter))
                )
                  mayChange.add(key);
              }
              context = next;
              index.setContext(op.context);
              break;
            }
            case 'open':
              views.set(op.key, { view: op.view, textMatches: op.textMatches });
              mayChange.add(op.key);
              index.openView(op.key, op.view, op.textMatches);
              break;
            case 'retext': {
              const open = views.get(op.key);
              if (!open) continue;
              views.set(op.key, { view: open.view, textMatches: op.textMatches });
              mayChange.add(op.key);
              index.openView(op.key, open.view, op.textMatches);
              break;
            }
            case 'close':
              views.delete(op.key);
              index.closeView(op.key);
              break;
            case 'prepare':
              index.prepareOrdering(op.view.sort);
              break;
          }

          check(notified.length <= 1, () => `${notified.length} notifications for one batch`);
          const listed = notified[0] ?? new Set<string>();
          check(index.size === records.size, () => `size ${index.size}, expected ${records.size}`);
          for (const id of IDS)
            check(index.get(id) === records.get(id), () => `get(${id}) is not the last upserted record`);
          const current = new Map<string, { rows: QueryRecord[]; version: number }>();
          for (const [key, { view, textMatches }] of views) {
            const rows = checkView(index, key, evaluateView(records.values(), view, { ...context, textMatches }));
            const version = index.view(key)!.version;
            checks++;
            if (rows.length >= 3) populated++;
            const before = previous.get(key);
            const changed =
              !before || before.rows.length !== rows.length || before.rows.some((row, i) => row !== rows[i]);
            // Changed rows are always listed with a new version; a listed view is one the batch could reach.
            check(!changed || listed.has(key), () => `view ${key} changed but was not listed`);
            check(
              !listed.has(key) || mayChange.has(key),
              () => `view ${key} was listed by a batch that cannot reach it`,
            );
            check((version !== before?.version) === listed.has(key), () => `view ${key}: version and listing disagree`);
            current.set(key, { rows, version });
          }
          for (const key of KEYS)
            check(views.has(key) || index.view(key) === undefined, () => `closed view ${key} is readable`);
          for (const key of listed) check(views.has(key), () => `closed view ${key} was listed`);
          previous = current;
        }
      }),
      { numRuns: 1_000 },
    );
    expect(populated / checks).toBeGreaterThan(0.3);
  }, 60_000);
});

const OPEN = BUILTIN_VIEWS[0]!.definition;
const SOLVED: ViewDefinition = {
  filter: { statuses: ['solved'] },
  sort: [{ field: 'updatedAt', direction: 'desc' }],
  groupBy: 'none',
};

function seeded(): { index: QueryIndex; calls: ReadonlySet<string>[] } {
  const index = new QueryIndex({ context: { me: 'usr_me', now: 10_000 } });
  index.upsert([
    queryRecord({ id: 'tkt_1', status: 'new', createdAt: 1 }),
    queryRecord({ id: 'tkt_2', status: 'solved', updatedAt: 5 }),
  ]);
  index.openView('open', OPEN);
  index.openView('solved', SOLVED);
  const calls: ReadonlySet<string>[] = [];
  index.subscribe((changed) => calls.push(changed));
  return { index, calls };
}

describe('QueryIndex notifications and snapshots', () => {
  it('lists only the views a batch changed', () => {
    const { index, calls } = seeded();
    index.upsert([queryRecord({ id: 'tkt_1', status: 'open', createdAt: 1 })]);
    index.upsert([queryRecord({ id: 'tkt_3', status: 'closed' })]);
    index.remove(['tkt_2']);
    index.setContext({ now: 20_000 });
    expect(calls.map((changed) => [...changed])).toEqual([['open'], [], ['solved'], []]);
  });

  it('stays quiet when nothing changed', () => {
    const { index, calls } = seeded();
    index.upsert([]);
    index.upsert([index.get('tkt_1')!]);
    index.remove(['tkt_unknown']);
    index.setContext({ me: 'usr_me' });
    index.closeView('solved');
    index.prepareOrdering([{ field: 'number', direction: 'asc' }]);
    expect(calls).toEqual([]);
  });

  it('moves a ticket from one view to another in one batch, listing both', () => {
    const { index, calls } = seeded();
    index.upsert([queryRecord({ id: 'tkt_1', status: 'solved', updatedAt: 9 })]);
    expect([...calls[0]!].sort()).toEqual(['open', 'solved']);
    expect(index.view('open')!.length).toBe(0);
    expect(
      index
        .view('solved')!
        .slice(0, 2)
        .map((row) => row.id),
    ).toEqual(['tkt_1', 'tkt_2']);
  });

  it('hands out one snapshot per version', () => {
    const { index } = seeded();
    const before = index.view('open')!;
    expect(index.view('open')).toBe(before);
    index.upsert([queryRecord({ id: 'tkt_3', status: 'closed' })]);
    expect(index.view('open')).toBe(before);
    index.upsert([queryRecord({ id: 'tkt_4', status: 'new', createdAt: 0 })]);
    const after = index.view('open')!;
    expect(after).not.toBe(before);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.indexOf('tkt_4')).toBe(0);
    expect(after.indexOf('tkt_2')).toBe(-1);
    // Detached reads work: snapshots are passed around as props.
    const { at, slice, indexOf } = after;
    expect([at(1)?.id, slice(0, 1)[0]?.id, indexOf('tkt_1')]).toEqual(['tkt_1', 'tkt_4', 1]);
  });

  it('reopening a view with the same rows keeps its version and does not list it', () => {
    const { index, calls } = seeded();
    const version = index.view('open')!.version;
    index.openView('open', { ...OPEN, groupBy: 'status' });
    expect(index.view('open')!.version).toBe(version);
    expect(calls).toEqual([new Set()]);
  });

  it('never repeats a version for a key closed and opened again', () => {
    const { index } = seeded();
    const first = index.view('solved')!.version;
    index.closeView('solved');
    expect(index.view('solved')).toBeUndefined();
    expect(index.openView('solved', SOLVED).version).toBeGreaterThan(first);
  });

  it('leaves a text view empty until its matches are in', () => {
    const { index } = seeded();
    const text: ViewDefinition = { ...SOLVED, filter: { text: 'refund' } };
    expect(index.openView('search', text).length).toBe(0);
    expect(
      index
        .openView('search', text, new Set(['tkt_2', 'tkt_9']))
        .slice(0, 5)
        .map((row) => row.id),
    ).toEqual(['tkt_2']);
  });

  it('serves a sort and its full reverse from one ordering, and keeps few idle ones', () => {
    const index = new QueryIndex({ idleOrderings: 1 });
    index.upsert([queryRecord({ id: 'tkt_1', createdAt: 2 }), queryRecord({ id: 'tkt_2', createdAt: 1 })]);
    const sort = (direction: 'asc' | 'desc'): ViewDefinition => ({
      filter: {},
      sort: [{ field: 'createdAt', direction }],
      groupBy: 'none',
    });
    expect(
      index
        .openView('a', sort('asc'))
        .slice(0, 2)
        .map((row) => row.id),
    ).toEqual(['tkt_2', 'tkt_1']);
    expect(
      index
        .openView('b', sort('desc'))
        .slice(0, 2)
        .map((row) => row.id),
    ).toEqual(['tkt_1', 'tkt_2']);
    expect(index.orderingCount).toBe(1);
    index.prepareOrdering([{ field: 'number', direction: 'desc' }]);
    index.openView('c', { ...sort('asc'), sort: [{ field: 'priority', direction: 'asc' }] });
    index.openView('c', { ...sort('asc'), sort: [{ field: 'status', direction: 'asc' }] });
    index.openView('c', { ...sort('asc'), sort: [{ field: 'updatedAt', direction: 'asc' }] });
    // createdAt (views a, b), number (prepared), updatedAt (view c), and one idle one: status.
    expect(index.orderingCount).toBe(4);
  });

  it('says so when a record was changed in place after upsert', () => {
    const { index } = seeded();
    const record = index.get('tkt_1') as { createdAt: number };
    record.createdAt = 5_000;
    expect(() => index.remove(['tkt_1'])).toThrow(/must not be mutated/);
  });
});

describe('QueryIndex listeners', () => {
  it('tells every listener even when one throws, then rethrows', () => {
    const { index } = seeded();
    const heard: string[] = [];
    index.subscribe(() => {
      throw new Error('listener broke');
    });
    const unsubscribe = index.subscribe(() => heard.push('second'));
    expect(() => index.upsert([queryRecord({ id: 'tkt_5' })])).toThrow('listener broke');
    expect(heard).toEqual(['second']);
    expect(index.get('tkt_5')).toBeDefined();
    unsubscribe();
    expect(() => index.upsert([queryRecord({ id: 'tkt_6' })])).toThrow('listener broke');
    expect(heard).toEqual(['second']);
  });
});
