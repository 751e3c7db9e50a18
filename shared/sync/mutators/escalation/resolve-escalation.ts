import { z } from 'zod';
import { EscalationId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { escalationOrReject, gist, requireStatus, sampleEscalationId, withStep } from './escalation-rules.ts';

/**
 * Fixed or won't fix, with a note written for customers: the agent's
 * follow-up reply to every affected customer starts from it.
 */
export const resolveEscalation = defineMutation({
  args: z.object({
    escalationId: EscalationId,
    outcome: z.enum(['fixed', 'wont_fix']),
    note: z.string().trim().min(1, 'must not be empty').max(2_000, 'must be at most 2,000 characters'),
  }),
  permission: 'escalations.work',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    if (escalation.status === args.outcome && escalation.resolution?.note === args.note) return;
    requireStatus(escalation, ['sent', 'acknowledged', 'needs_info', 'in_progress', 'forwarded'], 'resolved');
    const { resumeStatus: _resume, ...rest } = escalation;
    await tx.put(
      'escalation',
      withStep(
        {
          ...rest,
          status: args.outcome,
          analystId: escalation.analystId ?? ctx.actor.id,
          resolution: { outcome: args.outcome, note: args.note, at: ctx.now, by: ctx.actor.id },
        },
        args.outcome,
        ctx,
        gist(args.note),
      ),
    );
  },
  sample: (random, world) => ({
    escalationId: sampleEscalationId(random, world),
    outcome: random.pick(['fixed', 'wont_fix'] as const),
    note: random.pick(['Fixed in 4.12.1, out today.', 'Works as designed; see the help article.', '']),
  }),
});
