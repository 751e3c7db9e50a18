import { z } from 'zod';
import { TicketId } from '../../../domain/ids.ts';
import { STATUS_LABELS } from '../../../domain/labels.ts';
import { TICKET_STATUSES, TicketStatus } from '../../../domain/ticket.ts';
import { canMoveStatus } from '../../../domain/ticket-status.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected, type Resolution } from '../../rejection.ts';
import { recordReopenRegression } from '../escalation/record-reopen-regression.ts';
import { recordTicketFailures } from '../trust/record-failures.ts';
import { sampleTicketId, saveTicketChange, ticketOrReject, withStatus } from './ticket-rules.ts';

export const setStatus = defineMutation({
  args: z.object({
    ticketId: TicketId,
    status: TicketStatus,
    /** What the agent saw when they chose; only used to explain a refusal. */
    expectedStatus: TicketStatus.optional(),
  }),
  permission: 'ticket.status',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    if (ticket.status === args.status) return;
    if (!canMoveStatus(ticket.status, args.status)) {
      const movedMeanwhile = args.expectedStatus !== undefined && args.expectedStatus !== ticket.status;
      const now = STATUS_LABELS[ticket.status];
      const resolutions: Resolution[] =
        ticket.status === 'solved' && args.status !== 'closed'
          ? [
              {
                label: 'Reopen it',
                mutation: {
                  name: 'setStatus',
                  args: { ticketId: ticket.id, status: 'open', expectedStatus: 'solved' },
                },
              },
            ]
          : [];
      throw new MutationRejected(
        'conflict',
        `${movedMeanwhile ? `Someone else changed the status to ${now} meanwhile` : `The ticket is ${now}`}; it cannot move to ${STATUS_LABELS[args.status]} from there.`,
        { subject: { entity: 'ticket', id: ticket.id }, resolutions },
      );
    }
    const moved = withStatus(ticket, args.status, ctx.now);
    await saveTicketChange(tx, moved, { kind: 'status_changed', from: ticket.status, to: args.status }, ctx);
    // Solving late breaches the clocks it stops; reopening a solved ticket fails the customer it was promised to.
    await recordTicketFailures(tx, ticket, moved, ctx.now, 'agent');
    // A linked ticket back at work after its escalation was fixed: the fix may not have held.
    await recordReopenRegression(tx, ticket, moved, ctx.now, ctx.actor.id);
  },
  sample: (random, world) => ({
    ticketId: sampleTicketId(random, world),
    status: random.pick(TICKET_STATUSES.filter((status) => status !== 'new')),
  }),
});
