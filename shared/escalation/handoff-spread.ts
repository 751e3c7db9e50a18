/**
 * How evenly an agent's handoffs were spread across their shift.
 *
 * Definition: put the shift on a 0–1 scale (start to planned end, or to now
 * while it runs) and place each handoff (a packet sent) on it. If handoffs
 * kept pace with the shift, by the time x of the shift has passed about x of
 * them were sent. The spread is 1 − D, where D is the largest gap, at any
 * moment, between the share of the shift elapsed and the share of handoffs
 * sent (the Kolmogorov–Smirnov distance to an even pace).
 *
 * - n handoffs at even intervals score 1 − 1/(2n): 0.5 for one, 0.9 for five.
 * - A quit-time batch (everything in the last minutes) scores near 0:
 *   most of the shift passed with nothing sent.
 * - Everything in the first minutes also scores low: the rest of the shift
 *   handed over nothing, which usually means problems sat unescalated.
 *
 * The moment of the largest gap is returned too, so the figure explains
 * itself: "by 04:30, 90% of the shift had passed and 20% of handoffs were sent".
 */
export interface HandoffSpread {
  /** 0 (all at once) to 1 (perfectly even); null with no handoffs yet. */
  score: number | null;
  handoffs: number;
  /** The moment of the largest gap, with the two shares there (0–1). */
  worst: { at: number; elapsedShare: number; sentShare: number } | null;
}

export interface ShiftSpan {
  startedAt: number;
  plannedEnd: number;
  endedAt?: number | undefined;
}

/** Where the shift is measured to: its end, its planned end, or now while it runs. */
export function measuredEnd(shift: ShiftSpan, now: number): number {
  const end = shift.endedAt ?? shift.plannedEnd;
  return Math.max(shift.startedAt, Math.min(end, Math.max(now, shift.startedAt)));
}

export function handoffSpread(shift: ShiftSpan, sentAt: readonly number[], now: number): HandoffSpread {
  const start = shift.startedAt;
  const end = measuredEnd(shift, now);
  const inShift = sentAt.filter((at) => at >= start && at <= end).sort((a, b) => a - b);
  const n = inShift.length;
  if (n === 0) return { score: null, handoffs: 0, worst: null };
  const length = end - start;
  // A shift measured over no time at all: everything happened at once.
  if (length <= 0) return { score: 0, handoffs: n, worst: { at: start, elapsedShare: 0, sentShare: 1 } };
  let gap = -1;
  let worst = { at: start, elapsedShare: 0, sentShare: 0 };
  for (let i = 0; i < n; i++) {
    const at = inShift[i]!;
    const elapsed = (at - start) / length;
    // Just before this handoff i of n had been sent; just after, i + 1.
    const behind = elapsed - i / n;
    const ahead = (i + 1) / n - elapsed;
    if (behind > gap) {
      gap = behind;
      worst = { at, elapsedShare: elapsed, sentShare: i / n };
    }
    if (ahead > gap) {
      gap = ahead;
      worst = { at, elapsedShare: elapsed, sentShare: (i + 1) / n };
    }
  }
  return { score: round(1 - gap), handoffs: n, worst };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** "0.90 · by 04:30, 90% of the shift had passed and 20% of handoffs were sent". */
export function describeSpread(spread: HandoffSpread, formatTime: (at: number) => string): string {
  if (spread.score === null || spread.worst === null) return 'No handoffs yet this shift.';
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  return `By ${formatTime(spread.worst.at)}, ${pct(spread.worst.elapsedShare)} of the shift had passed and ${pct(spread.worst.sentShare)} of its ${spread.handoffs} handoff${spread.handoffs === 1 ? '' : 's'} had been sent.`;
}
