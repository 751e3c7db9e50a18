import type { Handover } from '#shared/domain/handover';
import { handoverAge } from '#shared/handover/completion';

export interface WaitingHandover {
  handover: Handover;
  /** How long it has waited since submission. */
  ageMs: number;
}

/**
 * The lead's view: submitted handovers not yet complete, longest waiting
 * first, and complete ones, newest first. Handovers still being built are
 * nobody's to chase yet.
 */
export function teamHandovers(
  handovers: readonly Handover[],
  now: number,
): { waiting: WaitingHandover[]; complete: Handover[] } {
  const waiting: WaitingHandover[] = [];
  const complete: Handover[] = [];
  for (const handover of handovers) {
    const ageMs = handoverAge(handover, now);
    if (ageMs !== null) waiting.push({ handover, ageMs });
    else if (handover.status === 'complete') complete.push(handover);
  }
  waiting.sort((a, b) => b.ageMs - a.ageMs || (a.handover.id < b.handover.id ? -1 : 1));
  complete.sort((a, b) => (b.completedAt ?? b.updatedAt) - (a.completedAt ?? a.updatedAt));
  return { waiting, complete };
}

/** "2 of 3 acknowledged". */
export function progressText(progress: { items: number; acknowledged: number }): string {
  return `${progress.acknowledged} of ${progress.items} acknowledged`;
}
