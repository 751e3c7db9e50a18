import { type Shift, isOnShift } from '../domain/shift.ts';

/** Who is on shift at `now`, each with their running shift (the newest, if a device left two). */
export function onShiftNow(shifts: readonly Shift[], now: number): Map<string, Shift> {
  const running = new Map<string, Shift>();
  for (const shift of shifts) {
    if (!isOnShift(shift, now)) continue;
    const known = running.get(shift.userId);
    if (!known || shift.startedAt > known.startedAt) running.set(shift.userId, shift);
  }
  return running;
}
