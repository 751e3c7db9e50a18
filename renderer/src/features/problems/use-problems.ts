import { useLiveQuery } from 'dexie-react-hooks';
import type { Problem } from '#shared/domain/problem';
import { useWorkspace } from '../../app/workspace-context.tsx';

/** Every problem this device holds (a team has few), newest first; undefined while read. */
export function useProblems(): readonly Problem[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = await db.rows('problem').toArray();
    return rows.sort((a, b) => b.createdAt - a.createdAt);
  }, [db]);
}

/** One problem, live; undefined while read or when absent. */
export function useProblem(problemId: string | undefined): Problem | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => (problemId ? db.rows('problem').get(problemId) : undefined), [db, problemId]);
}
