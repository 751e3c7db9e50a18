import { type ClientId, TicketEventId, derivedId } from '../../../domain/ids.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { advanceClock, clockOf } from '../../../domain/ticket-clock.ts';
import type { TicketEventChange } from '../../../domain/ticket-event.ts';
import type { SampleWorld, MutationContext, MutatorTx } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import type { SeededRandom } from '../../../util/seeded-random.ts';

/**
 * The events a mutation writes get ids derived from the mutation, so a rebase
 * rewrites them instead of duplicating them. `line` numbers the history lines
 * of one mutation (a reply that also opens the ticket writes two, a bulk merge
 * one per ticket): the first has no suffix, later ones "-2", "-3"… — never
 * "_2", which another client id ("<id>_<n>") could produce for its own first line.
 */
export function eventIdFor(clientId: ClientId, mutationId: number, line = 1): TicketEventId {
  return TicketEventId.parse(derivedId('evt_', clientId, mutationId) + (line > 1 ? `-${line}` : ''));
}

/** The ticket a change is about, or a rejection that names it. */
export async function ticketOrReject(tx: MutatorTx, ticketId: string): Promise<Ticket> {
  const ticket = await tx.get('ticket', ticketId);
  if (!ticket) {
    throw new MutationRejected('not_found', `Ticket ${ticketId} no longer exists.`, {
      subject: { entity: 'ticket', id: ticketId },
    });
  }
  return ticket;
}

/**
 * The ticket after a status move, with its SLA clock moved along (paused while
 * it waits on the customer, stopped while solved). A ticket from before clocks
 * existed gets one read from the status it had.
 */
export function withStatus(ticket: Ticket, status: Ticket['status'], at: number): Ticket {
  if (ticket.status === status) return ticket;
  const clock = advanceClock(clockOf(ticket), { kind: 'status', from: ticket.status, to: status }, at);
  return { ...ticket, status, clock };
}

/** Saves the changed ticket (stamped with the time) and its history line, as one change. */
export async function saveTicketChange(
  tx: MutatorTx,
  changed: Ticket,
  change: TicketEventChange,
  ctx: MutationContext,
): Promise<void> {
  // A ticket from before clocks existed has its clock read from its status and updatedAt: it is
  // written down now, before updatedAt moves, so an unrelated change never shifts its pause or solve time.
  await tx.put('ticket', { ...changed, clock: clockOf(changed), updatedAt: ctx.now });
  await tx.put('ticketEvent', {
    id: eventIdFor(ctx.clientId, ctx.mutationId),
    ticketId: changed.id,
    actorId: ctx.actor.id,
    at: ctx.now,
    change,
  });
}

/** A teammate's name for messages ("Priya Nair"), or a neutral stand-in. */
export async function memberName(tx: MutatorTx, id: string): Promise<string> {
  return (await tx.get('member', id))?.name ?? 'Someone else';
}

/** Mostly tickets that exist; now and then one that does not (deleted, mistyped link). */
export function sampleTicketId(random: SeededRandom, world: SampleWorld): string {
  return world.ticketIds.length === 0 || random.chance(0.03) ? 'tkt_missing' : random.pick(world.ticketIds);
}
