import { useLiveQuery } from 'dexie-react-hooks';
import type { Member } from '#shared/domain/member';
import { useWorkspace } from '../../app/workspace-context.tsx';

/** The team, by id (a few dozen rows, read live). */
export function useMembers(): ReadonlyMap<string, Member> | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(
    async () => new Map((await db.rows('member').toArray()).map((member) => [member.id, member])),
    [db],
  );
}

/** "You", a teammate's name, or a neutral stand-in while the team is loading. */
export function useMemberName(id: string | null): string {
  const { user } = useWorkspace();
  const members = useMembers();
  if (id === null) return 'nobody';
  if (id === user.id) return 'you';
  return members?.get(id)?.name ?? 'a teammate';
}
