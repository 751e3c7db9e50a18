import { z } from 'zod';
import { HandoverId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import {
  handoverOfItemOrReject,
  itemOrReject,
  requireHolder,
  sampleHandoverId,
  sampleItemId,
  withItem,
} from './handover-rules.ts';

/**
 * Marks an item done with (or reopens it): the author while building, the
 * receiver while it waits for acknowledgement (once complete, on the carried
 * copy in their next handover). A closed item is not carried into the next handover.
 */
export const closeHandoverItem = defineMutation({
  args: z.object({ handoverId: HandoverId, itemId: z.string().min(1).max(40), closed: z.boolean() }),
  permission: 'handover.work',
  run: async (tx, args, ctx) => {
    const handover = await handoverOfItemOrReject(tx, args.handoverId, args.itemId, ctx);
    requireHolder(handover, ctx, 'close its items');
    const item = itemOrReject(handover, args.itemId);
    if ((item.closedAt !== undefined) === args.closed) return;
    const { closedAt: _reopened, ...open } = item;
    await tx.put('handover', withItem(handover, args.closed ? { ...item, closedAt: ctx.now } : open, ctx.now));
  },
  sample: (random, world) => ({
    handoverId: sampleHandoverId(random, world),
    itemId: sampleItemId(random),
    closed: random.chance(0.8),
  }),
});
