import { describe, expect, it } from 'vitest';
import { toQueryRecord } from '#shared/query/query-record';
import { ticketFixture } from '#shared/testing/fixtures';
import { arraySnapshot } from '../../query/array-snapshot.ts';
import { pickRange, togglePicked } from './selection.ts';

const list = arraySnapshot(
  'list',
  ['tkt_a', 'tkt_b', 'tkt_c', 'tkt_d', 'tkt_e'].map((id) => toQueryRecord(ticketFixture({ id: id as never }))),
);

describe('picking tickets', () => {
  it('x toggles one ticket', () => {
    expect([...togglePicked(new Set(), 'tkt_a')]).toEqual(['tkt_a']);
    expect([...togglePicked(new Set(['tkt_a', 'tkt_b']), 'tkt_a')]).toEqual(['tkt_b']);
  });

  it.each([
    ['down from the anchor', 'tkt_b', 'tkt_d', ['tkt_b', 'tkt_c', 'tkt_d']],
    ['up from the anchor', 'tkt_d', 'tkt_a', ['tkt_a', 'tkt_b', 'tkt_c', 'tkt_d']],
    ['no anchor: just the cursor', null, 'tkt_c', ['tkt_c']],
    ['anchor no longer in the list: just the cursor', 'tkt_gone', 'tkt_e', ['tkt_e']],
  ])('shift+x picks a range %s', (_name, anchor, cursor, expected) => {
    expect([...pickRange(new Set(), list, anchor, cursor)].sort()).toEqual(expected);
  });

  it('shift+x adds to what was picked before', () => {
    expect([...pickRange(new Set(['tkt_e']), list, 'tkt_a', 'tkt_b')].sort()).toEqual(['tkt_a', 'tkt_b', 'tkt_e']);
  });
});
