import { useMemo } from 'react';
import { type AssigneeChoice, assigneeChoices } from '#shared/shifts/assignee-choices';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useNow } from '../../ui/use-now.ts';
import { useShifts } from '../escalations/use-escalations.ts';
import { useMembers } from '../queue/members-context.tsx';
import { formatClock } from './clock.ts';

/**
 * Teammates (not me) for any assignee picker: on shift first, each saying
 * until when ("Sam Rivera — on shift until 06:00"). Read from the synced
 * shifts on this device, so it works offline and follows shifts live; the
 * clock ticks each minute so a shift that runs out drops down the list.
 */
export function useAssigneeChoices(): readonly AssigneeChoice[] {
  const { user } = useWorkspace();
  const members = useMembers();
  const shifts = useShifts();
  const now = useNow(60_000);
  return useMemo(
    () =>
      assigneeChoices(
        [...(members?.values() ?? [])].filter((member) => member.id !== user.id),
        shifts ?? [],
        now,
        formatClock,
      ),
    [members, shifts, now, user.id],
  );
}
