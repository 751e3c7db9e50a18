import { describe, expect, it } from 'vitest';
import type { Handover } from '#shared/domain/handover';
import { progressText, teamHandovers } from './team-handovers.ts';

const MIN = 60_000;
const NOW = 1_000 * MIN;

const handover = (id: string, changes: Partial<Handover>): Handover =>
  ({
    id,
    fromUserId: 'usr_a',
    toUserId: 'usr_b',
    status: 'submitted',
    items: [],
    createdAt: 0,
    updatedAt: 0,
    ...changes,
  }) as Handover;

describe('teamHandovers', () => {
  const all = [
    handover('hov_building', { status: 'building', toUserId: null }),
    handover('hov_recent', { submittedAt: NOW - 5 * MIN }),
    handover('hov_old', { submittedAt: NOW - 90 * MIN }),
    handover('hov_done1', { status: 'complete', submittedAt: NOW - 300 * MIN, completedAt: NOW - 200 * MIN }),
    handover('hov_done2', { status: 'complete', submittedAt: NOW - 100 * MIN, completedAt: NOW - 50 * MIN }),
  ];
  const { waiting, complete } = teamHandovers(all, NOW);

  it('lists incomplete handovers longest waiting first, with their age', () => {
    expect(waiting.map((w) => [w.handover.id, w.ageMs])).toEqual([
      ['hov_old', 90 * MIN],
      ['hov_recent', 5 * MIN],
    ]);
  });

  it('lists complete ones newest first and leaves out those being built', () => {
    expect(complete.map((h) => h.id)).toEqual(['hov_done2', 'hov_done1']);
  });
});

describe('progressText', () => {
  it.each([
    [{ items: 3, acknowledged: 2 }, '2 of 3 acknowledged'],
    [{ items: 0, acknowledged: 0 }, '0 of 0 acknowledged'],
  ])('%o → %s', (progress, text) => {
    expect(progressText(progress)).toBe(text);
  });
});
