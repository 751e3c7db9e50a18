import { z } from 'zod';
import { ProblemId, TicketId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { sampleTicketId } from '../ticket/ticket-rules.ts';
import { LINK_BATCH_MAX } from './create-problem.ts';
import { linkTickets } from './link-tickets.ts';
import { problemOrReject, sampleProblemId } from './problem-rules.ts';

/** Links tickets to an existing problem (moving them off another one). */
export const linkToProblem = defineMutation({
  args: z.object({ problemId: ProblemId, ticketIds: z.array(TicketId).min(1).max(LINK_BATCH_MAX) }),
  permission: 'problems.manage',
  run: async (tx, args, ctx) => {
    const problem = await problemOrReject(tx, args.problemId);
    await linkTickets(tx, problem, args.ticketIds, ctx);
  },
  sample: (random, world) => ({
    problemId: sampleProblemId(random, world),
    ticketIds: Array.from({ length: 1 + random.int(3) }, () => sampleTicketId(random, world)),
  }),
});
