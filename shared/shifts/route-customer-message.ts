import type { Member } from '../domain/member.ts';
import type { Shift } from '../domain/shift.ts';
import type { Ticket } from '../domain/ticket.ts';
import { onShiftNow } from './on-shift.ts';

/**
 * "Nothing waits on an empty chair": a customer writes on a ticket whose
 * owner is off shift, so it goes to someone on shift. Agents first (the lead
 * runs the shift and an analyst works escalations; they take tickets only
 * when no agent is on), read from the role each works this shift (an analyst
 * covering as an agent counts as one), the one with the fewest open tickets, ties broken by
 * id so every server instance picks the same person. A ticket nobody owns
 * stays in the queue; an owner still on shift keeps it; with nobody on shift
 * it stays where it is (the queue shows it as waiting).
 */
export type RoutingDecision =
  | { kind: 'keep'; reason: 'unassigned' | 'owner on shift' | 'nobody on shift' }
  | { kind: 'reassign'; to: string; from: string };

const PREFERENCE: readonly Member['role'][] = ['agent', 'lead'];

export function routeCustomerMessage(
  ticket: Pick<Ticket, 'assigneeId'>,
  members: readonly Pick<Member, 'id' | 'role'>[],
  shifts: readonly Shift[],
  openTickets: ReadonlyMap<string, number>,
  now: number,
): RoutingDecision {
  if (ticket.assigneeId === null) return { kind: 'keep', reason: 'unassigned' };
  const onShift = onShiftNow(shifts, now);
  if (onShift.has(ticket.assigneeId)) return { kind: 'keep', reason: 'owner on shift' };
  for (const role of PREFERENCE) {
    const candidates = members
      .filter((member) => onShift.get(member.id)?.role === role)
      .sort((a, b) => (openTickets.get(a.id) ?? 0) - (openTickets.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
    const [first] = candidates;
    if (first) return { kind: 'reassign', to: first.id, from: ticket.assigneeId };
  }
  return { kind: 'keep', reason: 'nobody on shift' };
}
