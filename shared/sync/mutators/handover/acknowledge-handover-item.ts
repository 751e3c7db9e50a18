import { z } from 'zod';
import { type Handover, HandoverAcknowledgement } from '../../../domain/handover.ts';
import { HandoverId } from '../../../domain/ids.ts';
import { handoverProgress } from '../../../handover/completion.ts';
import { readBackProblem } from '../../../handover/read-back.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { carryOpenItems } from './carry-open-items.ts';
import {
  handoverOrReject,
  itemOrReject,
  newSampleHandoverId,
  sampleHandoverId,
  sampleItemId,
} from './handover-rules.ts';

/**
 * The receiver acknowledges one item, an unstable one with a read-back in
 * their own words. When the last is acknowledged the handover is complete,
 * and the items not closed carry into the receiver's own next handover
 * (started with `nextHandoverId` if they are not building one).
 */
export const acknowledgeHandoverItem = defineMutation({
  args: z.object({
    handoverId: HandoverId,
    itemId: z.string().min(1).max(40),
    readBack: HandoverAcknowledgement.shape.readBack,
    nextHandoverId: HandoverId,
  }),
  permission: 'handover.work',
  run: async (tx, args, ctx) => {
    const handover = await handoverOrReject(tx, args.handoverId);
    const subject = { subject: { entity: 'handover', id: handover.id } };
    if (handover.toUserId !== ctx.actor.id) {
      throw new MutationRejected(
        'forbidden',
        'Only the person this handover was handed to can acknowledge it.',
        subject,
      );
    }
    const item = itemOrReject(handover, args.itemId);
    if (item.acknowledged !== undefined) return;
    if (handover.status !== 'submitted') {
      throw new MutationRejected('conflict', 'This handover is not waiting for acknowledgement.', subject);
    }
    const problem = readBackProblem(item, args.readBack);
    if (problem !== null) throw new MutationRejected('invalid', problem, subject);
    const readBack = args.readBack?.trim() ?? '';
    const acknowledged = { by: ctx.actor.id, at: ctx.now, ...(readBack === '' ? {} : { readBack }) };
    const items = handover.items.map((candidate) =>
      candidate.id === item.id ? { ...candidate, acknowledged } : candidate,
    );
    const updated: Handover = { ...handover, items, updatedAt: ctx.now };
    if (!handoverProgress(updated).complete) {
      await tx.put('handover', updated);
      return;
    }
    await tx.put('handover', { ...updated, status: 'complete', completedAt: ctx.now });
    await carryOpenItems(tx, updated, args.nextHandoverId, ctx);
  },
  sample: (random, world) => ({
    handoverId: sampleHandoverId(random, world),
    itemId: sampleItemId(random),
    ...(random.chance(0.6)
      ? {
          readBack: random.pick([
            'I watch the rollback and page on-call at 06:30 if checkout is still down',
            'Checkout fails for EU customers since the 4.12 deploy',
            'ok',
          ]),
        }
      : {}),
    nextHandoverId: newSampleHandoverId(random),
  }),
});
