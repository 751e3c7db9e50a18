import { describe, expect, it } from 'vitest';
import { BUILTIN_VIEWS } from './builtin-views.ts';
import { NO_REFINEMENT, isRefined, refineView } from './refine-view.ts';

const open = BUILTIN_VIEWS[0]!.definition;

describe('refineView', () => {
  it.each([
    ['no change', NO_REFINEMENT, open.filter, open.sort],
    [
      'adds a criterion',
      { filter: { priorities: ['urgent'] }, sort: null },
      { ...open.filter, priorities: ['urgent'] },
      open.sort,
    ],
    [
      'replaces a criterion',
      { filter: { statuses: ['open'] }, sort: null },
      { ...open.filter, statuses: ['open'] },
      open.sort,
    ],
    [
      'clears a criterion',
      { filter: { assignee: undefined }, sort: null },
      { statuses: open.filter.statuses },
      open.sort,
    ],
    [
      'replaces the sort',
      { filter: {}, sort: [{ field: 'updatedAt', direction: 'desc' }] },
      open.filter,
      [{ field: 'updatedAt', direction: 'desc' }],
    ],
  ] as const)('%s', (_name, refinement, filter, sort) => {
    const refined = refineView(open, refinement as Parameters<typeof refineView>[1]);
    expect(refined.filter).toEqual(filter);
    expect(refined.sort).toEqual(sort);
    expect(refined.groupBy).toBe(open.groupBy);
  });

  it('never changes the view it refines', () => {
    const before = JSON.stringify(open);
    refineView(open, { filter: { statuses: ['pending'], assignee: undefined }, sort: null });
    expect(JSON.stringify(open)).toBe(before);
  });

  it('knows when there is nothing to show as refined', () => {
    expect(isRefined(NO_REFINEMENT)).toBe(false);
    expect(isRefined({ filter: { tags: ['login'] }, sort: null })).toBe(true);
  });
});
