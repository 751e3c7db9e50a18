import type { Handover } from '#shared/domain/handover';

/** What the viewer may do with an item: its author while building, its receiver while acknowledging, or read it. */
export type ItemRole = 'author' | 'receiver' | 'reader';

/**
 * The viewer's role on a handed-over handover's items. Once it is complete its
 * open items were carried into the receiver's next handover, and the rules
 * refuse follow-up here: the receiver only reads it (and follows up on the copies).
 */
export function handedOverRole(handover: Pick<Handover, 'status' | 'toUserId'>, userId: string): ItemRole {
  return handover.status === 'submitted' && handover.toUserId === userId ? 'receiver' : 'reader';
}

/** The receiver looking at a handover completed, whose open items now live in their next handover. */
export function followUpMovedOn(handover: Pick<Handover, 'status' | 'toUserId'>, userId: string): boolean {
  return handover.status === 'complete' && handover.toUserId === userId;
}
