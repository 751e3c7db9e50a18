import { z } from 'zod';
import { ProblemId } from '../../../domain/ids.ts';
import { PROBLEM_STATUSES, ProblemStatus, ProblemTitle } from '../../../domain/problem.ts';
import { defineMutation } from '../../mutator.ts';
import { problemOrReject, sampleProblemId } from './problem-rules.ts';

/** Renames a problem or moves its status; resolving stamps when, reopening clears it. */
export const updateProblem = defineMutation({
  args: z.object({ problemId: ProblemId, title: ProblemTitle.optional(), status: ProblemStatus.optional() }),
  permission: 'problems.manage',
  run: async (tx, args, ctx) => {
    const problem = await problemOrReject(tx, args.problemId);
    const title = args.title ?? problem.title;
    const status = args.status ?? problem.status;
    if (title === problem.title && status === problem.status) return;
    const { resolvedAt: _previous, ...rest } = problem;
    const resolvedAt =
      status === 'resolved' ? (problem.status === 'resolved' ? problem.resolvedAt : ctx.now) : undefined;
    await tx.put('problem', {
      ...rest,
      title,
      status,
      updatedAt: ctx.now,
      ...(resolvedAt === undefined ? {} : { resolvedAt }),
    });
  },
  sample: (random, world) => ({
    problemId: sampleProblemId(random, world),
    ...(random.chance(0.5) ? { status: random.pick(PROBLEM_STATUSES) } : { title: 'Login fails after update' }),
  }),
});
