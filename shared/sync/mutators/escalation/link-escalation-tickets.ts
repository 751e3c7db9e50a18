import { type Escalation, OPEN_ESCALATION_STATUSES } from '../../../domain/escalation.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import type { MutationContext, MutatorTx } from '../../mutator.ts';
import { eventIdFor } from '../ticket/ticket-rules.ts';
import { withImpact, withReadiness } from './escalation-rules.ts';

/**
 * Points tickets at an escalation, with a history line on each, and returns
 * the ids linked (a merged duplicate is linked through its kept ticket;
 * tickets deleted meanwhile are skipped). A ticket already in another packet:
 * - with an analyst now (sent, not finished): it stays there and is skipped,
 *   so a packet being worked never loses a ticket (or counts it twice);
 * - in a draft: it moves, and the draft is recounted without it;
 * - in a finished or withdrawn one: it moves; the old packet keeps it in its
 *   list, as part of what that fix was about.
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
    if (ticket.escalationId !== undefined && ticket.escalationId !== escalation.id) {
      const previous = await tx.get('escalation', ticket.escalationId);
      if (previous && OPEN_ESCALATION_STATUSES.has(previous.status)) continue;
      if (previous?.status === 'draft') {
        const left = previous.ticketIds.filter((id) => id !== ticket.id);
        await tx.put(
          'escalation',
          withReadiness(await withImpact(tx, { ...previous, ticketIds: left, updatedAt: ctx.now }), ctx.now),
        );
      }
    }
    linked.push(ticket.id);
    if (ticket.escalationId === escalation.id) continue;
    await tx.put('ticket', { ...ticket, escalationId: escalation.id, updatedAt: ctx.now });
    await historyLine(tx, ticket.id, 'escalated', escalation, ctx, line++);
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
    await historyLine(tx, ticket.id, 'escalation_unlinked', escalation, ctx, line++);
  }
}

/** The ticket's history line for a link or an unlink, named after the packet's summary. */
async function historyLine(
  tx: MutatorTx,
  ticketId: string,
  kind: 'escalated' | 'escalation_unlinked',
  escalation: Escalation,
  ctx: MutationContext,
  line: number,
): Promise<void> {
  await tx.put('ticketEvent', {
    id: eventIdFor(ctx.clientId, ctx.mutationId, line),
    ticketId: ticketId as Ticket['id'],
    actorId: ctx.actor.id,
    at: ctx.now,
    change: { kind, escalationId: escalation.id, summary: escalation.summary.trim() || 'a draft escalation' },
  });
}
