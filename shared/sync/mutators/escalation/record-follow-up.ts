import { z } from 'zod';
import { EscalationId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { escalationOrReject, requireStatus, sampleEscalationId, withStep } from './escalation-rules.ts';

/**
 * Notes that the agent followed up with the affected customers once the
 * escalation was resolved (the replies themselves are ordinary replies, one
 * per linked ticket, sent in the same change), so nobody sends it twice.
 */
export const recordFollowUp = defineMutation({
  args: z.object({ escalationId: EscalationId, tickets: z.number().int().nonnegative().max(10_000) }),
  permission: 'escalations.create',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    requireStatus(escalation, ['fixed', 'wont_fix'], 'followed up');
    if (escalation.followUp) return;
    await tx.put(
      'escalation',
      withStep(
        { ...escalation, followUp: { at: ctx.now, by: ctx.actor.id, tickets: args.tickets } },
        'followed_up',
        ctx,
        `${args.tickets} ticket${args.tickets === 1 ? '' : 's'}`,
      ),
    );
  },
  sample: (random, world) => ({ escalationId: sampleEscalationId(random, world), tickets: random.int(5) }),
});
