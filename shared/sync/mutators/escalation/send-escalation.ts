import { z } from 'zod';
import { EscalationId, UserId } from '../../../domain/ids.ts';
import { can } from '../../../domain/permissions.ts';
import { describeGaps, packetReadiness } from '../../../escalation/readiness.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import {
  escalationOrReject,
  requireAuthorOrWorker,
  requireStatus,
  sampleEscalationId,
  withStep,
} from './escalation-rules.ts';

/**
 * Hands a ready packet to an analyst (or to any analyst: `analystId` null).
 * A packet that is not ready is refused with what is missing: an analyst's
 * first question should never be one the readiness check could have asked.
 */
export const sendEscalation = defineMutation({
  args: z.object({ escalationId: EscalationId, analystId: UserId.nullable() }),
  permission: 'escalations.create',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    requireStatus(escalation, ['draft'], 'sent');
    requireAuthorOrWorker(escalation, ctx, 'send it');
    const readiness = packetReadiness(escalation);
    if (!readiness.ready) {
      throw new MutationRejected('invalid', `The escalation is not ready to send. ${describeGaps(readiness.missing)}`, {
        subject: { entity: 'escalation', id: escalation.id },
      });
    }
    if (args.analystId !== null) {
      const analyst = await tx.get('member', args.analystId);
      if (!analyst || !can(analyst.role, 'escalations.work')) {
        throw new MutationRejected('invalid', 'That teammate does not take escalations; send it to an analyst.', {
          subject: { entity: 'escalation', id: escalation.id },
        });
      }
    }
    await tx.put(
      'escalation',
      withStep({ ...escalation, status: 'sent', sentAt: ctx.now, analystId: args.analystId }, 'sent', ctx),
    );
  },
  sample: (random, world) => ({
    escalationId: sampleEscalationId(random, world),
    analystId: random.chance(0.7) || world.memberIds.length === 0 ? null : random.pick(world.memberIds),
  }),
});
