import type { Member } from '../domain/member.ts';
import type { Shift } from '../domain/shift.ts';
import type { Ticket } from '../domain/ticket.ts';
import { onShiftNow } from './on-shift.ts';

export type HandOverRefusal =
  | { code: 'not_yours' | 'closed' | 'recipient_off_shift'; kind: 'conflict'; message: string }
  | { code: 'not_on_team' | 'trainee' | 'to_yourself'; kind: 'invalid'; message: string };

/**
 * Whether `actorId` may hand `ticket` to `recipient` at `now`. Anyone who
 * claims tickets may give away their OWN (ending a shift must not leave them
 * on an empty chair) but only to someone on shift now: handing a ticket to a
 * teammate who went home is the very thing this prevents. Reassigning other
 * people's tickets stays the lead's (assignTicket). Null means yes.
 */
export function handOverRefusal(
  ticket: Pick<Ticket, 'assigneeId' | 'status'>,
  actorId: string,
  recipient: Pick<Member, 'id' | 'name' | 'role'> | undefined,
  recipientShifts: readonly Shift[],
  now: number,
): HandOverRefusal | null {
  if (ticket.assigneeId !== actorId) {
    return {
      code: 'not_yours',
      kind: 'conflict',
      message: 'You no longer hold this ticket, so it was not handed over.',
    };
  }
  if (ticket.status === 'closed') {
    return { code: 'closed', kind: 'conflict', message: 'The ticket is closed; it can no longer be handed over.' };
  }
  if (!recipient) return { code: 'not_on_team', kind: 'invalid', message: 'That person is not on this team.' };
  if (recipient.id === actorId) return { code: 'to_yourself', kind: 'invalid', message: 'You already hold it.' };
  if (recipient.role === 'trainee') {
    return {
      code: 'trainee',
      kind: 'invalid',
      message: `${recipient.name} is a trainee and works in the sandbox only.`,
    };
  }
  if (!onShiftNow(recipientShifts, now).has(recipient.id)) {
    return {
      code: 'recipient_off_shift',
      kind: 'conflict',
      message: `${recipient.name} is not on shift, so the ticket stayed with you.`,
    };
  }
  return null;
}

/**
 * "Spread evenly across agents on shift": each ticket goes to whoever holds
 * the fewest open tickets at that moment (counting the ones just given),
 * ties broken by id so the same inputs always give the same plan. Answers
 * ticket id → recipient id, in the tickets' order; empty when nobody can take them.
 */
export function spreadEvenly(
  ticketIds: readonly string[],
  recipients: readonly { id: string; open: number }[],
): Map<string, string> {
  const load = [...recipients].map((recipient) => ({ ...recipient }));
  const plan = new Map<string, string>();
  if (load.length === 0) return plan;
  for (const ticketId of ticketIds) {
    const next = load.reduce((best, candidate) =>
      candidate.open < best.open || (candidate.open === best.open && candidate.id < best.id) ? candidate : best,
    );
    plan.set(ticketId, next.id);
    next.open += 1;
  }
  return plan;
}
