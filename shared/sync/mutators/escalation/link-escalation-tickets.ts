import type { Escalation } from '../../../domain/escalation.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import type { MutationContext, MutatorTx } from '../../mutator.ts';
import { eventIdFor } from '../ticket/ticket-rules.ts';

/**
 * Points tickets at an escalation, with a history line on each, and returns
 * the ids linked (a merged duplicate is linked through its kept ticket;
 * tickets deleted meanwhile are skipped). A ticket already in another
 * escalation moves to this one: the newest handoff is the one to follow.
 */
export async function linkEscalationTickets(
  tx: MutatorTx,
  escalation: Escalation,
  ticketIds: Iterable<string>,
  ctx: MutationContext,
  firstLine = 1,
): Promise<string[]> {
  const linked: string[] = [];
  let line = firstLine;
  for (const id of new Set(ticketIds)) {
    const found = await tx.get('ticket', id);
    const ticket: Ticket | undefined = found?.mergedInto ? await tx.get('ticket', found.mergedInto.ticketId) : found;
    if (!ticket || linked.includes(ticket.id)) continue;
    linked.push(ticket.id);
    if (ticket.escalationId === escalation.id) continue;
    await tx.put('ticket', { ...ticket, escalationId: escalation.id, updatedAt: ctx.now });
    await tx.put('ticketEvent', {
      id: eventIdFor(ctx.clientId, ctx.mutationId, line++),
      ticketId: ticket.id,
      actorId: ctx.actor.id,
      at: ctx.now,
      change: {
        kind: 'escalated',
        escalationId: escalation.id,
        summary: escalation.summary.trim() || 'a draft escalation',
      },
    });
  }
  return linked;
}

/** Takes tickets off an escalation (those still pointing at it), with a history line on each. */
export async function unlinkEscalationTickets(
  tx: MutatorTx,
  escalation: Escalation,
  ticketIds: Iterable<string>,
  ctx: MutationContext,
  firstLine = 1,
): Promise<void> {
  let line = firstLine;
  for (const id of new Set(ticketIds)) {
    const ticket = await tx.get('ticket', id);
    if (!ticket || ticket.escalationId !== escalation.id) continue;
    const { escalationId: _dropped, ...rest } = ticket;
    await tx.put('ticket', { ...rest, updatedAt: ctx.now });
    await tx.put('ticketEvent', {
      id: eventIdFor(ctx.clientId, ctx.mutationId, line++),
      ticketId: ticket.id,
      actorId: ctx.actor.id,
      at: ctx.now,
      change: {
        kind: 'escalation_unlinked',
        escalationId: escalation.id,
        summary: escalation.summary.trim() || 'a draft escalation',
      },
    });
  }
}
