import { z } from 'zod';
import { REGRESSIONS_MAX } from '../../../domain/escalation.ts';
import { EscalationId, TicketId } from '../../../domain/ids.ts';
import { similarRegression } from '../../../escalation/regression-watch.ts';
import { defineMutation } from '../../mutator.ts';
import { sampleTicketId, ticketOrReject } from '../ticket/ticket-rules.ts';
import { escalationOrReject, sampleEscalationId, withStep } from './escalation-rules.ts';

/**
 * A device's similarity index found a new ticket that looks like a fixed
 * escalation's tickets: it is flagged on the escalation as a possible
 * regression. Similarity lives on the devices, so the server checks what it
 * can (the escalation is fixed, the ticket is new since, not already flagged)
 * and takes the score as reported. Several devices may notice the same
 * ticket; the first flag stands and the rest change nothing.
 */
export const flagRegression = defineMutation({
  args: z.object({
    escalationId: EscalationId,
    ticketId: TicketId,
    matchedTicketId: TicketId,
    score: z.number().min(0).max(1),
  }),
  permission: 'escalations.create',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    const ticket = await ticketOrReject(tx, args.ticketId);
    const regression = similarRegression(
      escalation,
      ticket,
      [{ ticketId: args.matchedTicketId, score: args.score }],
      ctx.now,
    );
    if (!regression || escalation.regressions.length >= REGRESSIONS_MAX) return;
    const label = ticket.number === undefined ? 'a new ticket' : `#${ticket.number}`;
    await tx.put(
      'escalation',
      withStep(
        { ...escalation, regressions: [...escalation.regressions, regression] },
        'regression',
        ctx,
        `${label} looks like the fixed tickets`,
        // Noticed by a device's watch, not done by its person: everyone concerned hears of it, them included.
        null,
      ),
    );
  },
  sample: (random, world) => ({
    escalationId: sampleEscalationId(random, world),
    ticketId: sampleTicketId(random, world),
    matchedTicketId: sampleTicketId(random, world),
    score: random.pick([0.1, 0.45, 0.8]),
  }),
});
