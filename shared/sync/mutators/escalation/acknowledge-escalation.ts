import { z } from 'zod';
import { EscalationId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { escalationOrReject, requireStatus, sampleEscalationId, withStep } from './escalation-rules.ts';

/**
 * An analyst takes a sent packet: it is theirs now (even if it was sent to a
 * colleague, who may be busy or off shift), and the agent hears that someone has it.
 */
export const acknowledgeEscalation = defineMutation({
  args: z.object({ escalationId: EscalationId }),
  permission: 'escalations.work',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    if (escalation.status === 'acknowledged') return;
    requireStatus(escalation, ['sent'], 'acknowledged');
    await tx.put(
      'escalation',
      withStep(
        {
          ...escalation,
          status: 'acknowledged',
          acknowledgedAt: ctx.now,
          analystId: ctx.actor.id,
        },
        'acknowledged',
        ctx,
      ),
    );
  },
  sample: (random, world) => ({ escalationId: sampleEscalationId(random, world) }),
});
