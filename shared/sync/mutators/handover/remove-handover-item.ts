import { z } from 'zod';
import { HandoverId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import {
  handoverOfItemOrReject,
  requireAuthorWhileBuilding,
  sampleHandoverId,
  sampleItemId,
} from './handover-rules.ts';

/** Takes an item out of the handover being built. Removing one already gone changes nothing. */
export const removeHandoverItem = defineMutation({
  args: z.object({ handoverId: HandoverId, itemId: z.string().min(1).max(40) }),
  permission: 'handover.work',
  run: async (tx, args, ctx) => {
    const handover = await handoverOfItemOrReject(tx, args.handoverId, args.itemId, ctx);
    requireAuthorWhileBuilding(handover, ctx, 'remove its items');
    const items = handover.items.filter((item) => item.id !== args.itemId);
    if (items.length === handover.items.length) return;
    await tx.put('handover', { ...handover, items, updatedAt: ctx.now });
  },
  sample: (random, world) => ({ handoverId: sampleHandoverId(random, world), itemId: sampleItemId(random) }),
});
