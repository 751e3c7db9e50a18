import { describe, expect, it } from 'vitest';
import { builtinView } from './builtin-views.ts';
import { QueryIndex } from './query-index.ts';
import { queryRecord } from './query-fixtures.ts';
import type { QueryRecord } from './query-record.ts';
import { QUEUE_ORDER, type ViewDefinition } from './view-definition.ts';

/**
 * What a write costs, counted rather than timed: every record here reads its
 * fields through counting getters, so a scan of the table shows up as ~n reads
 * and a comparison as one read of the first sort key on each side. All views
 * below sort by priority first and none filters on it, so comparisons are
 * exactly the priority reads / 2.
 */
const counter = { on: false, reads: 0, priorityReads: 0 };

const FIELDS = Object.keys(queryRecord()) as (keyof QueryRecord)[];
const countingPrototype: object = {};
for (const field of FIELDS) {
  Object.defineProperty(countingPrototype, field, {
    enumerable: true,
    get(this: { fields: QueryRecord }) {
      if (counter.on) {
        counter.reads++;
        if (field === 'priority') counter.priorityReads++;
      }
      return this.fields[field];
    },
  });
}
const counted = (fields: QueryRecord): QueryRecord =>
  Object.assign(Object.create(countingPrototype) as object, { fields }) as unknown as QueryRecord;

function measure(action: () => void): { reads: number; comparisons: number } {
  counter.reads = 0;
  counter.priorityReads = 0;
  counter.on = true;
  try {
    action();
  } finally {
    counter.on = false;
  }
  return { reads: counter.reads, comparisons: counter.priorityReads / 2 };
}

const N = 100_000;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const STATUSES = ['new', 'open', 'pending', 'solved'] as const;
const ASSIGNEES = [null, 'usr_me', 'usr_a', 'usr_b'];
/** A deterministic table: the same 100k tickets every run. */
function ticket(i: number, overrides: Record<string, unknown> = {}): QueryRecord {
  return counted(
    queryRecord({
      id: `tkt_${String(i).padStart(6, '0')}`,
      number: i + 1,
      priority: PRIORITIES[(i * 7) % 4],
      status: STATUSES[(i * 13) % 4],
      assigneeId: ASSIGNEES[(i * 5) % 4],
      channel: i % 3 === 0 ? 'chat' : 'email',
      createdAt: 1_000_000 + ((i * 7_919) % N) * 10,
      updatedAt: 2_000_000 + i,
      ...overrides,
    }),
  );
}

const RECENT: ViewDefinition = {
  filter: { channels: ['email', 'phone'] },
  sort: [
    { field: 'priority', direction: 'desc' },
    { field: 'updatedAt', direction: 'desc' },
  ],
  groupBy: 'none',
};

describe('QueryIndex write cost at 100k records (counted, not timed)', () => {
  it('touches O(log n) records per ordering and view for a one-record upsert', () => {
    const index = new QueryIndex({ context: { me: 'usr_me', now: 3_000_000 } });
    for (let start = 0; start < N; start += 2_000) {
      index.upsert(Array.from({ length: 2_000 }, (_, i) => ticket(start + i)));
    }
    index.prepareOrdering(QUEUE_ORDER);
    // Opening a view over a prepared ordering is one filtered pass: no comparison at all.
    const opening = measure(() => index.openView('open', builtinView('builtin:open')!.definition));
    expect(opening.comparisons).toBe(0);
    index.openView('mine', builtinView('builtin:mine')!.definition);
    index.openView('recent', RECENT);
    // Two orderings (queue order; priority then updatedAt) and three views: five sorted arrays.
    expect(index.orderingCount).toBe(2);

    // A ticket all three views show, so each write below touches all five arrays.
    const id = (i: number) => `tkt_${String(i).padStart(6, '0')}`;
    const i = Array.from({ length: 100 }, (_, i) => i).find((i) =>
      ['open', 'mine', 'recent'].every((key) => index.view(key)!.indexOf(id(i)) >= 0),
    )!;
    expect(i).toBeDefined();
    const otherPriority = index.get(id(i))!.priority === 'low' ? 'urgent' : 'low';

    // An edit that keeps the queue order (updatedAt moves it to the end of "recent").
    const edit = measure(() => index.upsert([ticket(i, { subject: 'Edited', updatedAt: 9_000_000 })]));
    // A priority change: the ticket moves far in every array.
    const move = measure(() => index.upsert([ticket(i, { priority: otherPriority })]));
    // A new ticket, shown by two of the views.
    const insert = measure(() => index.upsert([ticket(N)]));
    // Binary searches: five arrays × (find the old version + place the new one) × ~17 steps.
    for (const cost of [edit, move, insert]) {
      expect(cost.comparisons).toBeLessThan(200);
      // Every read, comparisons and filter checks together: a scan would be ≥ 100 000.
      expect(cost.reads).toBeLessThan(1_000);
    }
  }, 60_000);
});
