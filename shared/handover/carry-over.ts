import type { Handover, HandoverItem } from '../domain/handover.ts';

/**
 * Items left open carry over: what the receiver did not close in the last
 * handover they received goes, marked as carried (and how many times), into
 * the next handover they write. Acknowledgements do not carry: the next
 * receiver acknowledges for themselves. Done actions stay done.
 */
export function carriedItems(previous: Pick<Handover, 'id' | 'items'>): HandoverItem[] {
  return previous.items
    .filter((item) => item.closedAt === undefined)
    .map(({ acknowledged: _acknowledged, ...item }) => ({
      ...item,
      carried: { fromHandoverId: previous.id, times: (item.carried?.times ?? 0) + 1 },
    }));
}

/**
 * The handover whose open items carry into mine: the newest one handed to me
 * (submitted or complete), if it was handed over after my last own handover
 * was started; otherwise its items were carried already.
 */
export function handoverToCarryFrom(
  handovers: readonly Pick<Handover, 'id' | 'toUserId' | 'fromUserId' | 'status' | 'submittedAt' | 'createdAt'>[],
  me: string,
): string | null {
  const received = handovers
    .filter(
      (handover) => handover.toUserId === me && handover.status !== 'building' && handover.submittedAt !== undefined,
    )
    .sort((a, b) => b.submittedAt! - a.submittedAt!)[0];
  if (!received) return null;
  const mineSince = handovers.some(
    (handover) => handover.fromUserId === me && handover.createdAt > received.submittedAt!,
  );
  return mineSince ? null : received.id;
}
