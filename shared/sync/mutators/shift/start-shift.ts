import { z } from 'zod';
import { EpochMs, ShiftId } from '../../../domain/ids.ts';
import { Role } from '../../../domain/roles.ts';
import { SHIFT_MAX_MS } from '../../../domain/shift.ts';
import { mayWorkShiftAs, shiftRolesFor } from '../../../shifts/shift-roles.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';

/**
 * Starts my shift, with when I plan to stop and the role I work it as (my
 * own unless I cover a lesser one: shift-roles.ts). A shift still running on
 * another device (forgotten at home) is ended now: one person works one shift
 * at a time.
 */
export const startShift = defineMutation({
  args: z.object({ shiftId: ShiftId, plannedEnd: EpochMs, role: Role.optional() }),
  permission: 'shift.work',
  run: async (tx, args, ctx) => {
    const existing = await tx.get('shift', args.shiftId);
    if (existing) {
      if (existing.userId === ctx.actor.id) return;
      throw new MutationRejected('conflict', 'Another shift already has this id; nothing was started.', {
        subject: { entity: 'shift', id: args.shiftId },
      });
    }
    if (args.plannedEnd <= ctx.now || args.plannedEnd - ctx.now > SHIFT_MAX_MS) {
      throw new MutationRejected('invalid', 'A shift must end after it starts, and within 16 hours.', {
        subject: { entity: 'shift', id: args.shiftId },
      });
    }
    const role = args.role ?? ctx.actor.role;
    if (!mayWorkShiftAs(ctx.actor.role, role)) {
      throw new MutationRejected(
        'forbidden',
        `A ${ctx.actor.role} can work a shift as ${shiftRolesFor(ctx.actor.role).join(' or ')}, not as ${role}.`,
        { subject: { entity: 'shift', id: args.shiftId } },
      );
    }
    for (const running of await tx.list('shift', 'userId', ctx.actor.id)) {
      if (running.endedAt === undefined) await tx.put('shift', { ...running, endedAt: ctx.now, updatedAt: ctx.now });
    }
    await tx.put('shift', {
      id: args.shiftId,
      userId: ctx.actor.id,
      role,
      startedAt: ctx.now,
      plannedEnd: args.plannedEnd,
      updatedAt: ctx.now,
    });
  },
  sample: (random, world) => ({
    shiftId: `sft_${random.int(2 ** 31).toString(36)}`,
    // Mostly an 8-hour shift; now and then one already over, or longer than a shift can be.
    plannedEnd: world.now + random.pick([8, 8, 8, -1, 20]) * 3_600_000,
    // Mostly their own role; now and then covering as another (refused when it is more than they are).
    ...(random.chance(0.2) ? { role: random.pick(['agent', 'analyst', 'lead'] as const) } : {}),
  }),
});
