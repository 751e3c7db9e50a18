import { z } from 'zod';
import { ShiftId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';

/** Ends my shift. Ending one that already ended changes nothing. */
export const endShift = defineMutation({
  args: z.object({ shiftId: ShiftId }),
  permission: 'shift.work',
  run: async (tx, args, ctx) => {
    const shift = await tx.get('shift', args.shiftId);
    if (!shift) {
      throw new MutationRejected('not_found', 'That shift no longer exists.', {
        subject: { entity: 'shift', id: args.shiftId },
      });
    }
    if (shift.userId !== ctx.actor.id) {
      throw new MutationRejected('forbidden', 'Only the person on a shift can end it.', {
        subject: { entity: 'shift', id: args.shiftId },
      });
    }
    if (shift.endedAt !== undefined) return;
    await tx.put('shift', { ...shift, endedAt: Math.max(ctx.now, shift.startedAt), updatedAt: ctx.now });
  },
  sample: (random, world) => ({
    shiftId: world.shiftIds.length === 0 || random.chance(0.1) ? 'sft_missing' : random.pick(world.shiftIds),
  }),
});
