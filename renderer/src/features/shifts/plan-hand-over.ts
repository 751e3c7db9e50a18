import { spreadEvenly } from '#shared/shifts/hand-over';
import type { BatchChange } from '../../sync/mutate.ts';

/** Where the outgoing agent sends their tickets: one person, or spread across the agents on shift. */
export type HandOverTarget = { kind: 'person'; id: string } | { kind: 'spread' };

/** Someone on shift who can take tickets, with how many open ones they hold now. */
export interface Recipient {
  id: string;
  open: number;
}

/**
 * The handover as changes, one handOverTicket per ticket (the bulk path
 * judges each on its own, and a refused one stays with me). Spreading deals
 * the tickets out so loads even up (spreadEvenly in shared/).
 */
export function planHandOver(
  ticketIds: readonly string[],
  target: HandOverTarget,
  spreadAcross: readonly Recipient[],
): BatchChange<'handOverTicket'>[] {
  const plan =
    target.kind === 'person'
      ? new Map(ticketIds.map((ticketId) => [ticketId, target.id]))
      : spreadEvenly(ticketIds, spreadAcross);
  return [...plan].map(([ticketId, assigneeId]) => ({ name: 'handOverTicket', args: { ticketId, assigneeId } }));
}
