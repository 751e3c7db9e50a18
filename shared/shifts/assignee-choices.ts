import { ROLE_LABELS } from '../domain/labels.ts';
import type { Member } from '../domain/member.ts';
import type { Shift } from '../domain/shift.ts';
import { onShiftNow } from './on-shift.ts';

export interface AssigneeChoice {
  value: string;
  /** "Sam Rivera — on shift until 06:00", or just the name when off shift. */
  label: string;
  onShift: boolean;
}

/**
 * Teammates as an assignee picker lists them: who is on shift first, saying
 * until when (and as what, when covering another role), then everyone else,
 * by name within each. `clock` formats a time of day ("06:00") the way the
 * device shows it.
 */
export function assigneeChoices(
  members: Iterable<Pick<Member, 'id' | 'name' | 'role'>>,
  shifts: readonly Shift[],
  now: number,
  clock: (at: number) => string,
): AssigneeChoice[] {
  const running = onShiftNow(shifts, now);
  const choices = [...members].map((member) => {
    const shift = running.get(member.id);
    if (!shift) return { value: member.id, label: member.name, onShift: false };
    const covering = shift.role === member.role ? '' : ` as ${ROLE_LABELS[shift.role]}`;
    return {
      value: member.id,
      label: `${member.name} — on shift${covering} until ${clock(shift.plannedEnd)}`,
      onShift: true,
    };
  });
  return choices.sort(
    (a, b) => Number(b.onShift) - Number(a.onShift) || a.label.localeCompare(b.label) || (a.value < b.value ? -1 : 1),
  );
}
