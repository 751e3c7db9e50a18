import { z } from 'zod';
import { QUESTIONS_MAX } from '../../../domain/escalation.ts';
import { EscalationId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { escalationOrReject, gist, requireStatus, sampleEscalationId, withStep } from './escalation-rules.ts';

/**
 * The analyst asks the agent something. The packet then waits on the agent
 * (`needs_info`) and goes back to where it was once they answer. The question
 * id comes from the device so the same question is never asked twice by a replay.
 */
export const askForInformation = defineMutation({
  args: z.object({
    escalationId: EscalationId,
    questionId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    text: z.string().trim().min(1, 'must not be empty').max(2_000, 'must be at most 2,000 characters'),
  }),
  permission: 'escalations.work',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    if (escalation.questions.some((question) => question.id === args.questionId)) return;
    requireStatus(escalation, ['sent', 'acknowledged', 'in_progress', 'forwarded', 'needs_info'], 'asked about');
    if (escalation.questions.length >= QUESTIONS_MAX) {
      throw new MutationRejected('invalid', `An escalation holds at most ${QUESTIONS_MAX} questions.`, {
        subject: { entity: 'escalation', id: escalation.id },
      });
    }
    // Asking about a packet nobody acknowledged yet acknowledges it: the analyst has it.
    const resumeStatus =
      escalation.status === 'needs_info'
        ? escalation.resumeStatus
        : escalation.status === 'sent'
          ? 'acknowledged'
          : escalation.status;
    const question = { id: args.questionId, askedBy: ctx.actor.id, askedAt: ctx.now, text: args.text };
    await tx.put(
      'escalation',
      withStep(
        {
          ...escalation,
          status: 'needs_info',
          ...(resumeStatus === undefined ? {} : { resumeStatus }),
          analystId: escalation.analystId ?? ctx.actor.id,
          acknowledgedAt: escalation.acknowledgedAt ?? ctx.now,
          questions: [...escalation.questions, question],
        },
        'asked',
        ctx,
        gist(args.text),
      ),
    );
  },
  sample: (random, world) => ({
    escalationId: sampleEscalationId(random, world),
    questionId: `q${random.int(1_000)}`,
    text: random.pick(['Which app version?', 'Does it happen on the web too?', '']),
  }),
});
