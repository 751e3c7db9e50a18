import { describe, expect, it } from 'vitest';
import type { Handover, HandoverItem } from '../domain/handover.ts';
import { HOUR, MINUTE } from '../sla/sla-fixtures.ts';
import { carriedItems, handoverToCarryFrom } from './carry-over.ts';
import { handoverAge, handoverProgress } from './completion.ts';
import { readBackProblem } from './read-back.ts';

const T0 = 1_800_000_000_000;
const item = (id: string, overrides: Partial<HandoverItem> = {}): HandoverItem => ({
  id,
  subject: { kind: 'ticket', id: 'tkt_000001', label: '#1001 Checkout down' },
  severity: 'stable',
  summary: 'Checkout fails for EU customers since the 4.12 deploy',
  actions: [{ id: 'a1', text: 'Check the deploy status at 06:00', dueAt: T0 + HOUR }],
  awareness: 'Engineering is rolling back',
  contingency: 'If it is still down at 06:30, page the on-call engineer',
  addedAt: T0,
  addedBy: 'usr_agent' as never,
  ...overrides,
});
const handover = (id: string, overrides: Partial<Handover> = {}): Handover => ({
  id: `hov_${id}` as never,
  fromUserId: 'usr_agent' as never,
  toUserId: 'usr_lead' as never,
  status: 'submitted',
  items: [],
  createdAt: T0,
  updatedAt: T0,
  submittedAt: T0 + 8 * HOUR,
  ...overrides,
});

describe('readBackProblem', () => {
  const unstable = item('i1', { severity: 'unstable' });
  it.each<[string, Partial<HandoverItem>, string | undefined, RegExp | null]>([
    ['a stable item needs none', {}, undefined, null],
    ['a watch item needs none', { severity: 'watch' }, '', null],
    ['an unstable item without one', { severity: 'unstable' }, '  ', /needs a read-back/],
    ['too short to mean anything', { severity: 'unstable' }, 'ok got it', /at least 4 different words/],
    ['the summary copied', { severity: 'unstable' }, unstable.summary, /repeats the summary/],
    [
      'the summary copied with other casing and punctuation',
      { severity: 'unstable' },
      'checkout fails, for EU customers since the 4.12 deploy!',
      /repeats the summary/,
    ],
    [
      'the summary with one word changed',
      { severity: 'unstable' },
      'Checkout fails for EU customers after the 4.12 deploy',
      /repeats the summary/,
    ],
    [
      'the contingency pasted',
      { severity: 'unstable' },
      'If it is still down at 06:30, page the on-call engineer',
      /repeats the summary and notes/,
    ],
    [
      'an action pasted with the awareness',
      { severity: 'unstable' },
      'Check the deploy status at 06:00; Engineering is rolling back',
      /repeats the summary and notes/,
    ],
    [
      'the summary padded with three fillers',
      { severity: 'unstable' },
      `${unstable.summary} and I will`,
      /repeats the summary and notes/,
    ],
    [
      'the summary padded with two words of one’s own',
      { severity: 'unstable' },
      `${unstable.summary}, noted, understood`,
      /at least 3 words not in the item/,
    ],
    ['one word repeated', { severity: 'unstable' }, 'zz zz zz zz', /at least 4 different words/],
    ['four words, two of them repeated', { severity: 'unstable' }, 'watch watch page page', /at least 4 different/],
    [
      'three words of one’s own among the item’s',
      { severity: 'unstable' },
      'checkout down: I verify rollback, phone on-call, escalate',
      null,
    ],
    [
      'in the receiver’s own words',
      { severity: 'unstable' },
      'EU checkout broken by 4.12; I watch the rollback and page on-call at 06:30 if not back',
      null,
    ],
  ])('%s', (_title, overrides, readBack, problem) => {
    const result = readBackProblem(item('i1', overrides), readBack);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});

describe('handoverProgress and handoverAge', () => {
  const ack = { by: 'usr_lead' as never, at: T0 + 9 * HOUR };
  it.each<[string, HandoverItem[], { acknowledged: number; complete: boolean }]>([
    ['nothing acknowledged', [item('a'), item('b')], { acknowledged: 0, complete: false }],
    ['one of two', [item('a', { acknowledged: ack }), item('b')], { acknowledged: 1, complete: false }],
    [
      'all of them',
      [item('a', { acknowledged: ack }), item('b', { acknowledged: ack })],
      { acknowledged: 2, complete: true },
    ],
    ['an empty handover', [], { acknowledged: 0, complete: true }],
  ])('%s', (_title, items, expected) => {
    expect(handoverProgress({ items })).toEqual({ items: items.length, ...expected });
  });

  it('ages a submitted handover from its submission, and nothing else', () => {
    const submitted = handover('a');
    expect(handoverAge(submitted, T0 + 8 * HOUR + 25 * MINUTE)).toBe(25 * MINUTE);
    expect(handoverAge({ ...submitted, status: 'complete' }, T0 + 9 * HOUR)).toBeNull();
    expect(handoverAge({ status: 'building' }, T0 + 9 * HOUR)).toBeNull();
  });
});

describe('carry-over', () => {
  it('carries the items not closed, marked as carried, without their acknowledgements', () => {
    const previous = handover('night', {
      items: [
        item('open', { acknowledged: { by: 'usr_lead' as never, at: T0 + 9 * HOUR } }),
        item('closed', { closedAt: T0 + 9 * HOUR }),
        item('again', { carried: { fromHandoverId: 'hov_before' as never, times: 2 } }),
      ],
    });
    const carried = carriedItems(previous);
    expect(carried.map((entry) => [entry.id, entry.carried, entry.acknowledged])).toEqual([
      ['open', { fromHandoverId: 'hov_night', times: 1 }, undefined],
      ['again', { fromHandoverId: 'hov_night', times: 3 }, undefined],
    ]);
    expect(carried[0]?.summary).toBe(previous.items[0]?.summary);
    expect(carried[0]?.actions).toEqual(previous.items[0]?.actions);
  });

  it.each<[string, Handover[], string | null]>([
    [
      'nothing received',
      [
        handover('mine', {
          fromUserId: 'usr_lead' as never,
          toUserId: 'usr_agent' as never,
          status: 'building',
          submittedAt: undefined,
        }),
      ],
      null,
    ],
    [
      'the newest handover received',
      [handover('old', { submittedAt: T0 }), handover('new', { submittedAt: T0 + 8 * HOUR })],
      'hov_new',
    ],
    ['one still being built does not count', [handover('draft', { status: 'building', submittedAt: undefined })], null],
    [
      'already carried into a handover of mine started since',
      [
        handover('got'),
        handover('mine', {
          fromUserId: 'usr_lead' as never,
          toUserId: null,
          status: 'building',
          createdAt: T0 + 9 * HOUR,
        }),
      ],
      null,
    ],
    [
      'mine started before it arrived: carry',
      [
        handover('got'),
        handover('mine', { fromUserId: 'usr_lead' as never, toUserId: null, status: 'building', createdAt: T0 + HOUR }),
      ],
      'hov_got',
    ],
  ])('%s', (_title, handovers, expected) => {
    expect(handoverToCarryFrom(handovers, 'usr_lead')).toBe(expected);
  });
});
