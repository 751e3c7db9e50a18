import { z } from 'zod';
import { EpochMs, ShiftId, UserId } from './ids.ts';
import { Role } from './roles.ts';

/** A shift is at most this long; a planned end further out is a typo, not a shift. */
export const SHIFT_MAX_MS = 16 * 60 * 60 * 1000;

/**
 * One person's stint at the console: when it started, when they plan to stop,
 * and when they did. Pacing (escalations) and the handover read it; the team
 * sees who is on shift and until when.
 */
export const Shift = z.object({
  id: ShiftId,
  userId: UserId,
  /** The role worked this shift (an analyst may cover as an agent). */
  role: Role,
  startedAt: EpochMs,
  plannedEnd: EpochMs,
  endedAt: EpochMs.optional(),
  updatedAt: EpochMs,
});
export type Shift = z.infer<typeof Shift>;

/**
 * A shift nobody ended ends itself this long after its planned end: someone
 * who went home without pressing End shift must not keep customers waiting
 * on their tickets (routing) or count as on shift for the team.
 */
export const FORGOTTEN_SHIFT_GRACE_MS = 60 * 60 * 1000;

/** Whether the shift is running at `now`: started, not ended, and not an hour past its planned end. */
export function isOnShift(shift: Pick<Shift, 'startedAt' | 'endedAt' | 'plannedEnd'>, now: number): boolean {
  return shift.startedAt <= now && shift.endedAt === undefined && now <= shift.plannedEnd + FORGOTTEN_SHIFT_GRACE_MS;
}
