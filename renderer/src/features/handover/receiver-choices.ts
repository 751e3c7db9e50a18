import type { Role } from '#shared/domain/roles';
import type { Shift } from '#shared/domain/shift';
import { onShiftNow } from '#shared/shifts/on-shift';

export interface ReceiverChoice {
  id: string;
  name: string;
  /** When their running shift is planned to end; null when they are not on shift. */
  onShiftUntil: number | null;
}

/**
 * Whom a handover can go to: everyone else who may receive one, those on
 * shift now first (the next shift is most likely among them), then by name.
 */
export function receiverChoices(
  members: Iterable<{ id: string; name: string; role: Role }>,
  shifts: readonly Shift[],
  me: string,
  now: number,
  mayReceive: (member: { role: Role }) => boolean,
): ReceiverChoice[] {
  const onShift = onShiftNow(shifts, now);
  return [...members]
    .filter((member) => member.id !== me && mayReceive(member))
    .map((member) => ({ id: member.id, name: member.name, onShiftUntil: onShift.get(member.id)?.plannedEnd ?? null }))
    .sort(
      (a, b) =>
        Number(a.onShiftUntil === null) - Number(b.onShiftUntil === null) ||
        a.name.localeCompare(b.name) ||
        (a.id < b.id ? -1 : 1),
    );
}
