import { useCallback } from 'react';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useMembers } from '../queue/members-context.tsx';

/** People by name, as a handover (and its export) says them: the signed-in person by name too. */
export function useNameOf(): (userId: string) => string {
  const { user } = useWorkspace();
  const members = useMembers();
  return useCallback(
    (userId: string) => members?.get(userId)?.name ?? (userId === user.id ? user.name : 'a teammate'),
    [members, user.id, user.name],
  );
}
