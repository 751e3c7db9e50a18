import { describe, expect, it } from 'vitest';
import { describeSpread, handoffSpread, measuredEnd } from './handoff-spread.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** A controlled clock: an 8-hour night shift from 22:00 (as ms from the epoch of the test). */
const START = 22 * HOUR;
const shift = { startedAt: START, plannedEnd: START + 8 * HOUR };
const at = (hours: number) => START + hours * HOUR;
const END = at(8);

describe('handoffSpread', () => {
  it.each<[string, number[], number | null]>([
    ['no handoffs', [], null],
    ['one in the middle', [at(4)], 0.5],
    ['one at quit time', [at(7.95)], 0.006],
    ['eight, one every hour on the half hour', [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5].map(at), 0.938],
    ['eight in the last ten minutes', [7.84, 7.86, 7.88, 7.9, 7.92, 7.94, 7.96, 7.98].map(at), 0.02],
    ['eight in the first ten minutes', [0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16].map(at), 0.02],
    // By 05:00 seven eighths of the shift had passed and only three of eight handoffs were sent.
    ['four spread, four batched at the end', [1, 3, 5, 7, 7.9, 7.92, 7.94, 7.96].map(at), 0.5],
    ['six, all in the first six hours', [1, 2, 3, 4, 5, 6].map(at), 0.75],
  ])('%s', (_title, sentAt, score) => {
    const spread = handoffSpread(shift, sentAt, END);
    expect(spread.score).toBe(score);
    expect(spread.handoffs).toBe(sentAt.length);
  });

  it('scores an even shift better than a quit-time batch of the same size', () => {
    const even = handoffSpread(
      shift,
      [0.5, 1.5, 2.5, 3.5, 4.5, 5.5].map((k) => at((k * 8) / 6)),
      END,
    ).score!;
    const batch = handoffSpread(shift, [7.9, 7.92, 7.94, 7.96, 7.97, 7.98].map(at), END).score!;
    expect(even).toBe(0.917);
    expect(batch).toBeLessThan(0.05);
    expect(even).toBeGreaterThan(batch);
  });

  it('measures a running shift up to now, and ignores handoffs outside the shift', () => {
    // Two hours in, one handoff an hour: perfectly on pace so far.
    expect(handoffSpread(shift, [at(0.5), at(1.5)], at(2)).score).toBe(0.75);
    expect(handoffSpread(shift, [at(-1), at(9)], END)).toEqual({ score: null, handoffs: 0, worst: null });
    expect(measuredEnd(shift, at(2))).toBe(at(2));
    expect(measuredEnd(shift, at(12))).toBe(END);
    expect(measuredEnd({ ...shift, endedAt: at(6) }, at(12))).toBe(at(6));
    expect(measuredEnd(shift, at(-3))).toBe(START);
  });

  it('explains itself with the moment of the largest gap', () => {
    const spread = handoffSpread(shift, [7.9, 7.92, 7.94].map(at), END);
    expect(spread.worst).toEqual({ at: at(7.9), elapsedShare: 7.9 / 8, sentShare: 0 });
    const time = (ms: number) =>
      `${String(Math.floor(ms / HOUR) % 24).padStart(2, '0')}:${String(Math.round((ms % HOUR) / MIN)).padStart(2, '0')}`;
    expect(describeSpread(spread, time)).toBe(
      'By 05:54, 99% of the shift had passed and 0% of its 3 handoffs had been sent.',
    );
    expect(describeSpread(handoffSpread(shift, [], END), time)).toBe('No handoffs yet this shift.');
  });
});
