import { z } from 'zod';
import { HandoverSnapshot } from '../../../domain/handover.ts';
import { HandoverId, UserId } from '../../../domain/ids.ts';
import { can } from '../../../domain/permissions.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { handoverOrReject, sampleHandoverId } from './handover-rules.ts';

/**
 * Hands my handover to the teammate taking over, with the queue's snapshot as
 * my device saw it. From here its items are fixed; it is complete when the
 * receiver has acknowledged every one (an empty handover is complete at once).
 */
export const submitHandover = defineMutation({
  args: z.object({ handoverId: HandoverId, toUserId: UserId, snapshot: HandoverSnapshot }),
  permission: 'handover.work',
  run: async (tx, args, ctx) => {
    const handover = await handoverOrReject(tx, args.handoverId);
    const subject = { subject: { entity: 'handover', id: handover.id } };
    if (handover.fromUserId !== ctx.actor.id) {
      throw new MutationRejected('forbidden', 'Only the person handing over can submit the handover.', subject);
    }
    if (handover.status !== 'building') {
      // The same submission twice (a second click, a retry) is the one already made.
      if (handover.toUserId === args.toUserId) return;
      throw new MutationRejected('conflict', 'This handover was already submitted to someone else.', subject);
    }
    if (args.toUserId === ctx.actor.id) {
      throw new MutationRejected('invalid', 'Hand over to the teammate taking over, not to yourself.', subject);
    }
    const receiver = await tx.get('member', args.toUserId);
    if (!receiver) {
      throw new MutationRejected('invalid', 'That teammate is no longer on the team; choose someone else.', subject);
    }
    // A receiver who cannot acknowledge (a trainee) would leave the handover incomplete for good.
    if (!can(receiver.role, 'handover.work')) {
      throw new MutationRejected(
        'invalid',
        `${receiver.name} cannot receive handovers; choose a teammate who works the queue.`,
        subject,
      );
    }
    const empty = handover.items.length === 0;
    await tx.put('handover', {
      ...handover,
      toUserId: args.toUserId,
      status: empty ? 'complete' : 'submitted',
      submittedAt: ctx.now,
      ...(empty ? { completedAt: ctx.now } : {}),
      snapshot: args.snapshot,
      updatedAt: ctx.now,
    });
  },
  sample: (random, world) => ({
    handoverId: sampleHandoverId(random, world),
    toUserId: world.memberIds.length === 0 ? 'usr_missing' : random.pick(world.memberIds),
    snapshot: {
      at: world.now,
      sections: [
        {
          id: 'open-by-priority',
          title: 'Open tickets by priority',
          count: world.ticketIds.length,
          lines: [{ text: `Normal: ${world.ticketIds.length}` }],
        },
      ],
    },
  }),
});
