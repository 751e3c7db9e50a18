import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, createContext, useContext } from 'react';
import type { Member } from '#shared/domain/member';
import { useWorkspace } from '../../app/workspace-context.tsx';

const MembersContext = createContext<ReadonlyMap<string, Member> | undefined>(undefined);

/** The team, read live once for the whole console (every queue row names people). */
export function MembersProvider({ children }: { children: ReactNode }) {
  const { db } = useWorkspace();
  const members = useLiveQuery(
    async () => new Map((await db.rows('member').toArray()).map((member) => [member.id, member])),
    [db],
  );
  return <MembersContext.Provider value={members}>{children}</MembersContext.Provider>;
}

/** The team, by id; undefined while it loads. */
export function useMembers(): ReadonlyMap<string, Member> | undefined {
  return useContext(MembersContext);
}

/** "you", a teammate's name, or a neutral stand-in while the team is loading. */
export function useMemberName(id: string | null): string {
  const { user } = useWorkspace();
  const members = useMembers();
  if (id === null) return 'nobody';
  if (id === user.id) return 'you';
  return members?.get(id)?.name ?? 'a teammate';
}
