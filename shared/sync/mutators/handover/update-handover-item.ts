import { z } from 'zod';
import { HandoverId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import {
  HandoverItemChanges,
  handoverOfItemOrReject,
  itemOrReject,
  requireAuthorWhileBuilding,
  sampleHandoverId,
  sampleItemId,
  sampleSeverity,
  withItem,
} from './handover-rules.ts';

/** Edits an item's I-PASS fields while the handover is being built. Ticked actions stay ticked. */
export const updateHandoverItem = defineMutation({
  args: z.object({
    handoverId: HandoverId,
    itemId: z.string().min(1).max(40),
    changes: HandoverItemChanges,
  }),
  permission: 'handover.work',
  run: async (tx, args, ctx) => {
    const handover = await handoverOfItemOrReject(tx, args.handoverId, args.itemId, ctx);
    requireAuthorWhileBuilding(handover, ctx, 'change its items');
    const item = itemOrReject(handover, args.itemId);
    const { actions, ...fields } = args.changes;
    const doneAt = new Map(item.actions.map((action) => [action.id, action.doneAt]));
    const changed = {
      ...item,
      // Fields left out of `changes` are absent (not undefined) after parsing, so they keep their value.
      ...fields,
      ...(actions === undefined
        ? {}
        : {
            actions: actions.map((action) => {
              const done = doneAt.get(action.id);
              return done === undefined ? action : { ...action, doneAt: done };
            }),
          }),
    };
    await tx.put('handover', withItem(handover, changed, ctx.now));
  },
  sample: (random, world) => ({
    handoverId: sampleHandoverId(random, world),
    itemId: sampleItemId(random),
    changes: random.pick([
      { severity: sampleSeverity(random) },
      { summary: 'Refund approved; customer to confirm' },
      { actions: [{ id: 'a1', text: 'Call the customer back', dueAt: world.now + 3_600_000 }] },
      { contingency: 'If the customer escalates, hand it to the lead' },
      { summary: ' ' },
    ]),
  }),
});
