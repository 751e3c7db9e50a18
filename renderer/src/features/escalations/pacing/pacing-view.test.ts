import { describe, expect, it } from 'vitest';
import type { QuitTimeWarning } from '#shared/escalation/pacing';
import { describeNudges, describeQuitTime, nudgeNotification } from './pacing-view.ts';

const MIN = 60_000;

describe('pacing words', () => {
  it.each([
    [0, null],
    [1, '1 packet ready but unsent for 15+ min: send it now.'],
    [2, '2 packets ready but unsent for 15+ min: send them now, one by one.'],
  ])('%i nudges', (n, text) => {
    const nudges = Array.from({ length: n }, (_, i) => ({ escalationId: `esc_${i}`, waitedMs: 20 * MIN }));
    expect(describeNudges(nudges)).toBe(text);
  });

  it.each<[QuitTimeWarning | null, string | null]>([
    [null, null],
    [
      { held: 4, ready: 2, notReady: 2, endsInMs: 30 * MIN + 5 },
      'Your shift ends in 30 min and you hold 4 drafts (2 ready): send the ready ones now, one by one, and finish or hand over the rest before you go.',
    ],
    [
      { held: 2, ready: 1, notReady: 1, endsInMs: 10_000 },
      'Your shift ends now and you hold 2 drafts (1 ready): send the ready one now, one by one, and finish or hand over the rest before you go.',
    ],
    [
      { held: 3, ready: 0, notReady: 3, endsInMs: -12 * MIN },
      'Your shift was planned to end 12 min ago and you hold 3 drafts (0 ready): finish them or hand them over before you go, rather than all at once at the end.',
    ],
    [
      { held: 2, ready: 2, notReady: 0, endsInMs: 40 * MIN },
      'Your shift ends in 40 min and you hold 2 drafts (2 ready): send the ready ones now, one by one.',
    ],
  ])('quit time %#', (warning, text) => {
    expect(describeQuitTime(warning)).toBe(text);
  });

  it('names the packet in its notification', () => {
    expect(nudgeNotification({ escalationId: 'esc_a', waitedMs: 22 * MIN }, ' Login fails ')).toEqual({
      title: 'Escalation ready but unsent',
      body: '“Login fails” has been ready for 22 min. Send it now: the analyst can start without asking you anything.',
    });
    expect(nudgeNotification({ escalationId: 'esc_a', waitedMs: 15 * MIN }, '').body).toMatch(/^A packet has/);
  });
});
