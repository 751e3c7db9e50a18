import { z } from 'zod';
import { ProblemId, TicketId } from '../../../domain/ids.ts';
import { ProblemTitle } from '../../../domain/problem.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { sampleTicketId } from '../ticket/ticket-rules.ts';
import { linkTickets } from './link-tickets.ts';

/** Tickets one change links; a larger cluster is linked in several. */
export const LINK_BATCH_MAX = 500;

/**
 * Opens a problem and links the reports of it, in one change (the flood
 * banner's "create a problem for these 31 tickets"). The id comes from the
 * device, so the problem shows at once and survives rebases.
 */
export const createProblem = defineMutation({
  args: z.object({
    problemId: ProblemId,
    title: ProblemTitle,
    ticketIds: z.array(TicketId).max(LINK_BATCH_MAX),
  }),
  permission: 'problems.manage',
  run: async (tx, args, ctx) => {
    if (await tx.get('problem', args.problemId)) {
      throw new MutationRejected('conflict', 'Another problem already has this id; nothing was created.', {
        subject: { entity: 'problem', id: args.problemId },
      });
    }
    const problem = {
      id: args.problemId,
      title: args.title,
      status: 'open' as const,
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
      updatedAt: ctx.now,
      ticketCount: 0,
      affectedCustomers: 0,
    };
    await tx.put('problem', problem);
    await linkTickets(tx, problem, args.ticketIds, ctx);
  },
  sample: (random, world) => ({
    problemId:
      world.problemIds.length > 0 && random.chance(0.05)
        ? random.pick(world.problemIds)
        : `prb_${random.int(2 ** 31).toString(36)}`,
    title: random.pick(SAMPLE_TITLES),
    ticketIds: Array.from({ length: random.int(4) }, () => sampleTicketId(random, world)),
  }),
});

const SAMPLE_TITLES = [
  'Login fails after the 4.12 update',
  'Invoice PDF export is blank',
  '  ',
  'Android push stopped',
];
