import { describe, expect, it } from 'vitest';
import { MUTATION_GROUPS, MUTATION_NAMES, groupOf } from './registry.ts';

describe('mutation registry', () => {
  it('holds each group’s mutations exactly once (a name in two groups would silently shadow one)', () => {
    const grouped = Object.values(MUTATION_GROUPS).flatMap((group) => Object.keys(group));
    expect(grouped.sort()).toEqual([...MUTATION_NAMES].sort());
  });

  it.each([
    ['setStatus', 'ticket'],
    ['createSavedView', 'savedView'],
    ['deleteSavedView', 'savedView'],
  ] as const)('files %s under %s', (name, group) => {
    expect(groupOf(name)).toBe(group);
  });
});
