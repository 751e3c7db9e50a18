import type { Handover } from '../domain/handover.ts';

export interface HandoverProgress {
  items: number;
  acknowledged: number;
  /** Complete only when every item is acknowledged (an empty handover is complete on submission). */
  complete: boolean;
}

export function handoverProgress(handover: Pick<Handover, 'items'>): HandoverProgress {
  const acknowledged = handover.items.filter((item) => item.acknowledged !== undefined).length;
  return { items: handover.items.length, acknowledged, complete: acknowledged === handover.items.length };
}

/** How long a submitted handover has waited to be completed (leads see incomplete ones with their age). */
export function handoverAge(handover: Pick<Handover, 'status' | 'submittedAt'>, now: number): number | null {
  if (handover.status !== 'submitted' || handover.submittedAt === undefined) return null;
  return Math.max(0, now - handover.submittedAt);
}
