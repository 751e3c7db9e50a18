import { describe, expect, it } from 'vitest';
import { fuzzyMatch, matchRuns, rankByFuzzy } from './fuzzy-match.ts';

describe('fuzzyMatch', () => {
  it.each<[query: string, text: string, indexes: number[] | null]>([
    ['', 'Assign to me', []],
    ['a', 'Assign to me', [0]],
    ['atm', 'Assign to me', [0, 7, 10]], // word starts beat the earlier "t" of nothing
    ['ASSIGN', 'Assign to me', [0, 1, 2, 3, 4, 5]],
    ['assign me', 'Assign to me', [0, 1, 2, 3, 4, 5, 10, 11]], // spaces in the query are ignored
    ['me', 'Assign to me', [10, 11]], // a run at a word start, not the scattered m…e
    ['gs', 'Go to solved', [0, 6]],
    ['so', 'Go to solved', [6, 7]],
    ['pal', 'Open command palette', [13, 14, 15]],
    ['cp', 'Open command palette', [5, 13]],
    ['ks', 'Show keyboard shortcuts', [5, 14]],
    ['sp', 'setPriority', [0, 3]], // camelCase counts as a word start
    ['p1', 'Priority 1', [0, 9]],
    ['zz', 'Assign to me', null],
    ['ma', 'Assign to me', null], // order matters
    ['assign to me!', 'Assign to me', null],
  ])('%j in %j → %o', (query, text, indexes) => {
    const result = fuzzyMatch(query, text);
    expect(result === null ? null : result.indexes).toEqual(indexes);
  });

  it.each<[query: string, better: string, worse: string]>([
    ['as', 'Assign to me', 'Mark as spam'],
    ['open', 'Open ticket', 'Go to open'],
    ['gto', 'Go to open', 'Merge into other'],
    ['sel', 'Select ticket', 'Set escalation level'],
    ['rng', 'Select range', 'Sort ascending'],
  ])('%j scores %j above %j', (query, better, worse) => {
    const a = fuzzyMatch(query, better);
    const b = fuzzyMatch(query, worse);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a?.score ?? 0).toBeGreaterThan(b?.score ?? 0);
  });
});

describe('rankByFuzzy', () => {
  const actions = [
    { title: 'Next ticket', keywords: ['down'] },
    { title: 'Previous ticket', keywords: ['up'] },
    { title: 'Assign to me', keywords: ['claim', 'take'] },
    { title: 'Set priority: urgent', keywords: ['p1'] },
    { title: 'Open command palette' },
  ];
  const rank = (query: string) => rankByFuzzy(query, actions, (a) => a).map((r) => r.item.title);

  it.each<[query: string, titles: string[]]>([
    ['', actions.map((a) => a.title)],
    ['ticket', ['Next ticket', 'Previous ticket']],
    ['claim', ['Assign to me']],
    ['up', ['Previous ticket']],
    ['urg', ['Set priority: urgent']],
    ['t', ['Next ticket', 'Assign to me', 'Previous ticket', 'Set priority: urgent', 'Open command palette']],
    ['pal', ['Open command palette']],
    ['zzz', []],
  ])('%j → %o', (query, titles) => {
    expect(rank(query)).toEqual(titles);
  });

  it('gives title positions only for a title match', () => {
    const [byKeyword] = rankByFuzzy('claim', actions, (a) => a);
    expect(byKeyword?.titleIndexes).toEqual([]);
    const [byTitle] = rankByFuzzy('atm', actions, (a) => a);
    expect(byTitle?.titleIndexes).toEqual([0, 7, 10]);
  });
});

describe('matchRuns', () => {
  it.each<[text: string, indexes: number[], runs: [string, boolean][]]>([
    ['Assign', [], [['Assign', false]]],
    [
      'Assign',
      [0, 1],
      [
        ['As', true],
        ['sign', false],
      ],
    ],
    [
      'Assign to me',
      [0, 7, 10, 11],
      [
        ['A', true],
        ['ssign ', false],
        ['t', true],
        ['o ', false],
        ['me', true],
      ],
    ],
    ['', [], []],
  ])('%j with %o', (text, indexes, runs) => {
    expect(matchRuns(text, indexes).map((r) => [r.text, r.matched])).toEqual(runs);
  });
});
