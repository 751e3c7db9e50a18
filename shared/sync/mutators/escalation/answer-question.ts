import { z } from 'zod';
import { EscalationId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { escalationOrReject, gist, requireAuthorOrWorker, sampleEscalationId, withStep } from './escalation-rules.ts';

/**
 * The agent answers an analyst's question. When no question is left open the
 * packet goes back to where it was before it waited on the agent.
 */
export const answerQuestion = defineMutation({
  args: z.object({
    escalationId: EscalationId,
    questionId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    answer: z.string().trim().min(1, 'must not be empty').max(5_000, 'must be at most 5,000 characters'),
  }),
  permission: 'escalations.create',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    const question = escalation.questions.find((candidate) => candidate.id === args.questionId);
    if (!question) {
      throw new MutationRejected('not_found', 'That question is no longer on the escalation.', {
        subject: { entity: 'escalation', id: escalation.id },
      });
    }
    if (question.answer !== undefined) return;
    requireAuthorOrWorker(escalation, ctx, 'answer its questions');
    const questions = escalation.questions.map((candidate) =>
      candidate.id === question.id
        ? { ...candidate, answer: args.answer, answeredBy: ctx.actor.id, answeredAt: ctx.now }
        : candidate,
    );
    const stillOpen = questions.some((candidate) => candidate.answer === undefined);
    const { resumeStatus, ...rest } = escalation;
    const resumed =
      escalation.status === 'needs_info' && !stillOpen
        ? { ...rest, status: resumeStatus ?? ('acknowledged' as const) }
        : escalation;
    await tx.put('escalation', withStep({ ...resumed, questions }, 'answered', ctx, gist(args.answer)));
  },
  sample: (random, world) => ({
    escalationId: sampleEscalationId(random, world),
    questionId: random.chance(0.7) ? 'q1' : `q${random.int(1_000)}`,
    answer: random.pick(['4.12.0 on iOS 17', 'Yes, on the web too', ' ']),
  }),
});
