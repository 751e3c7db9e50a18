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

/** Whether the shift is running at `now`: started, and not ended. A planned end that passed does not end it. */
export function isOnShift(shift: Pick<Shift, 'startedAt' | 'endedAt'>, now: number): boolean {
  return shift.startedAt <= now && shift.endedAt === undefined;
}
