import { z } from 'zod';
import { HandoverId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import {
  handoverOfItemOrReject,
  itemOrReject,
  requireHolder,
  sampleHandoverId,
  sampleItemId,
  withItem,
} from './handover-rules.ts';

/**
 * Ticks an item's action done (or not done): the author while building, the
 * receiver while it waits for acknowledgement (once complete, on the carried
 * copy in their next handover). Ticking a done action keeps its first time.
 */
export const setHandoverActionDone = defineMutation({
  args: z.object({
    handoverId: HandoverId,
    itemId: z.string().min(1).max(40),
    actionId: z.string().min(1).max(40),
    done: z.boolean(),
  }),
  permission: 'handover.work',
  run: async (tx, args, ctx) => {
    const handover = await handoverOfItemOrReject(tx, args.handoverId, args.itemId, ctx);
    requireHolder(handover, ctx, 'tick its actions');
    const item = itemOrReject(handover, args.itemId);
    const action = item.actions.find((candidate) => candidate.id === args.actionId);
    if (!action) {
      throw new MutationRejected('not_found', 'That action is no longer on the item.', {
        subject: { entity: 'handover', id: handover.id },
      });
    }
    if ((action.doneAt !== undefined) === args.done) return;
    const { doneAt: _undone, ...open } = action;
    const changed = args.done ? { ...action, doneAt: ctx.now } : open;
    const actions = item.actions.map((candidate) => (candidate.id === action.id ? changed : candidate));
    await tx.put('handover', withItem(handover, { ...item, actions }, ctx.now));
  },
  sample: (random, world) => ({
    handoverId: sampleHandoverId(random, world),
    itemId: sampleItemId(random),
    actionId: random.chance(0.9) ? 'a1' : 'a_missing',
    done: random.chance(0.7),
  }),
});
