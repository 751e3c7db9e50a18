import { z } from 'zod';
import { ESCALATION_TICKETS_MAX, PacketFields } from '../../../domain/escalation.ts';
import { EscalationId, TicketId } from '../../../domain/ids.ts';
import { can } from '../../../domain/permissions.ts';
import { describeGaps, packetReadiness } from '../../../escalation/readiness.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { sampleTicketId } from '../ticket/ticket-rules.ts';
import {
  escalationOrReject,
  requireAuthorOrWorker,
  requireStatus,
  sampleEscalationId,
  withImpact,
  withReadiness,
} from './escalation-rules.ts';
import { linkEscalationTickets, unlinkEscalationTickets } from './link-escalation-tickets.ts';

/**
 * Edits a packet: its fields, and tickets added or taken off. The author
 * edits a draft, and a packet waiting on their answer (an answer often comes
 * with a log line or a step); teammates who work escalations may correct a
 * packet until it is finished. Once sent, a packet must stay ready: an edit
 * that would empty a field the analyst relies on is refused.
 */
export const updateEscalation = defineMutation({
  args: z.object({
    escalationId: EscalationId,
    fields: PacketFields.partial().optional(),
    addTicketIds: z.array(TicketId).max(ESCALATION_TICKETS_MAX).optional(),
    removeTicketIds: z.array(TicketId).max(ESCALATION_TICKETS_MAX).optional(),
  }),
  permission: 'escalations.create',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    const worker = can(ctx.actor.role, 'escalations.work');
    requireStatus(
      escalation,
      worker ? ['draft', 'sent', 'acknowledged', 'needs_info', 'in_progress', 'forwarded'] : ['draft', 'needs_info'],
      'changed',
    );
    requireAuthorOrWorker(escalation, ctx, 'change it');
    const edited = { ...escalation, ...args.fields };
    const readiness = packetReadiness(edited);
    if (escalation.status !== 'draft' && !readiness.ready) {
      throw new MutationRejected(
        'invalid',
        `A sent escalation must stay complete, and this change would leave it without something. ${describeGaps(readiness.missing)}`,
        { subject: { entity: 'escalation', id: escalation.id } },
      );
    }
    const removed = new Set(args.removeTicketIds ?? []);
    await unlinkEscalationTickets(tx, edited, removed, ctx);
    const kept = edited.ticketIds.filter((id) => !removed.has(id));
    const added = await linkEscalationTickets(tx, edited, args.addTicketIds ?? [], ctx, removed.size + 1);
    const ticketIds = [...new Set([...kept, ...added])];
    if (ticketIds.length > ESCALATION_TICKETS_MAX) {
      throw new MutationRejected(
        'invalid',
        `An escalation links at most ${ESCALATION_TICKETS_MAX} tickets; link a problem to count more.`,
        { subject: { entity: 'escalation', id: escalation.id } },
      );
    }
    const relinked = removed.size > 0 || added.length > 0;
    // Typing saves come every second or so: impact is recounted only when the links change.
    const counted = relinked
      ? await withImpact(tx, { ...edited, ticketIds: ticketIds as typeof edited.ticketIds })
      : edited;
    await tx.put('escalation', withReadiness({ ...counted, updatedAt: ctx.now }, ctx.now));
  },
  sample: (random, world) => ({
    escalationId: sampleEscalationId(random, world),
    ...(random.chance(0.7)
      ? {
          fields: random.pick([
            { severity: 'sev3', environment: 'Web, Chrome 131' },
            { tried: 'Restarted the sync', expected: 'Saved', actual: 'Saved twice' },
            { summary: '' },
            { stepsToReproduce: 'Open the invoice list and export the month to PDF.' },
          ] as const),
        }
      : {}),
    ...(random.chance(0.3) ? { addTicketIds: [sampleTicketId(random, world)] } : {}),
    ...(random.chance(0.1) ? { removeTicketIds: [sampleTicketId(random, world)] } : {}),
  }),
});
