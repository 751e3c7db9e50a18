import type { Sql } from '../db/database.ts';

/**
 * Whether `userId` is an account of this workspace that can still sign in (not
 * disabled). Clients' member lists may lag behind the accounts table, which
 * only the server sees: work handed to someone goes only to someone who can take it.
 */
export async function canSignIn(tx: Sql, workspaceId: string, userId: string): Promise<boolean> {
  const [user] = await tx.query('select 1 from users where id = $1 and workspace_id = $2 and disabled_at is null', [
    userId,
    workspaceId,
  ]);
  return user !== undefined;
}
