import { describe, expect, it } from 'vitest';
import { savedViewFixture } from '../testing/fixtures.ts';
import { SavedView, compareSavedViews, isVisibleTo } from './saved-view.ts';

describe('a saved view record', () => {
  it.each([
    [{}, true],
    [{ id: 'tkt_000001' }, false],
    [{ name: '  Billing  ' }, true],
    [{ name: '' }, false],
    [{ name: 'x'.repeat(80) }, true],
    [{ name: 'x'.repeat(81) }, false],
    [{ name: 'tab\there' }, false],
    [{ visibility: 'team' }, false],
    [{ position: 1.5 }, true],
    [{ position: Number.NaN }, false],
    [{ definition: { filter: {}, sort: [], groupBy: 'none' } }, false],
  ])('%o → valid=%s', (overrides, valid) => {
    expect(SavedView.safeParse({ ...savedViewFixture(), ...overrides }).success).toBe(valid);
  });

  it('keeps names trimmed', () => {
    expect(SavedView.parse({ ...savedViewFixture(), name: '  Billing  ' }).name).toBe('Billing');
  });
});

describe('who sees a saved view', () => {
  it.each([
    ['personal', 'usr_agent', true],
    ['personal', 'usr_lead', false],
    ['shared', 'usr_lead', true],
  ] as const)('%s view of usr_agent, seen by %s → %s', (visibility, viewer, seen) => {
    expect(isVisibleTo({ ownerId: 'usr_agent', visibility }, viewer)).toBe(seen);
  });
});

describe('switcher order', () => {
  it('puts placed views first by position, then the rest by name as people read it, then by id', () => {
    const views = [
      savedViewFixture({ id: 'viw_1' as never, name: 'item 10' }),
      savedViewFixture({ id: 'viw_2' as never, name: 'Item 9' }),
      savedViewFixture({ id: 'viw_3' as never, name: 'zed', position: 5 }),
      savedViewFixture({ id: 'viw_4' as never, name: 'alpha', position: -1 }),
      savedViewFixture({ id: 'viw_0' as never, name: 'item 9' }),
    ];
    expect(views.sort(compareSavedViews).map((view) => view.id)).toEqual(['viw_4', 'viw_3', 'viw_0', 'viw_2', 'viw_1']);
  });
});
