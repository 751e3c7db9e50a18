import { type AuditActor, recordAudit } from '../audit.ts';
import { endSessions } from '../auth/sessions.ts';
import type { Database } from '../db/database.ts';
import { notifySessionsEnded } from '../live/session-ends.ts';
import { AccountError } from './account-errors.ts';

/** Signs an account out everywhere (a lost laptop); its open sockets close on every instance. Returns how many ended. */
export async function revokeSessions(
  db: Database,
  input: { workspaceId: string; userId: string; actor: AuditActor },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [account] = await tx.query('select 1 from users where id = $1 and workspace_id = $2', [
      input.userId,
      input.workspaceId,
    ]);
    if (!account) throw new AccountError('not_found', 'There is no such account in this team.');
    const ended = await endSessions(tx, input.userId);
    await notifySessionsEnded(tx, input.userId);
    await recordAudit(tx, {
      ...input.actor,
      workspaceId: input.workspaceId,
      action: 'user.sessions_revoked',
      detail: { targetUserId: input.userId, endedSessions: ended },
    });
    return ended;
  });
}
