import { useMemo } from 'react';
import { can } from '#shared/domain/permissions';
import { type EscalationNotification, escalationNotifications } from '#shared/escalation/notifications';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useEscalations } from '../escalations/use-escalations.ts';
import { useMembers } from '../queue/members-context.tsx';

/** The signed-in person's escalation notifications, newest first, derived live from the packets' logs. */
export function useEscalationNotifications(): readonly EscalationNotification[] | undefined {
  const { user } = useWorkspace();
  const escalations = useEscalations();
  const members = useMembers();
  return useMemo(() => {
    if (!escalations) return undefined;
    const nameOf = (id: string | null) => (id === null ? 'Someone' : (members?.get(id)?.name ?? 'A teammate'));
    return escalationNotifications(escalations, { id: user.id, works: can(user.role, 'escalations.work') }, nameOf);
  }, [escalations, members, user.id, user.role]);
}
