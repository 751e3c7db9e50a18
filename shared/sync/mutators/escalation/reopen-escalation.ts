import { z } from 'zod';
import { EscalationId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { escalationOrReject, gist, requireStatus, sampleEscalationId, withStep } from './escalation-rules.ts';

/**
 * Reopens a finished escalation (usually from a regression flag): back with
 * the analyst who resolved it, as sent, so it is at the top of their console
 * again, waiting from now (`reopenedAt`; `sentAt` stays the agent's handoff,
 * which pacing measures). The resolution moves to the log; regressions stay
 * counted on it.
 */
export const reopenEscalation = defineMutation({
  args: z.object({
    escalationId: EscalationId,
    reason: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  }),
  permission: 'escalations.create',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    requireStatus(escalation, ['fixed', 'wont_fix'], 'reopened');
    const { resolution: _resolution, followUp: _followUp, ...rest } = escalation;
    await tx.put(
      'escalation',
      withStep(
        {
          ...rest,
          status: 'sent',
          reopenedAt: ctx.now,
          reopenedCount: (escalation.reopenedCount ?? 0) + 1,
        },
        'reopened',
        ctx,
        args.reason === undefined || args.reason === '' ? undefined : gist(args.reason),
      ),
    );
  },
  sample: (random, world) => ({
    escalationId: sampleEscalationId(random, world),
    ...(random.chance(0.5) ? { reason: 'Possible regression: #1203 reopened' } : {}),
  }),
});
