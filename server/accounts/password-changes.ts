import type { SessionUser } from '#shared/api/auth';
import { type AuditActor, recordAudit } from '../audit.ts';
import { type ScryptParams, verifyPassword } from '../auth/passwords.ts';
import { endSessions } from '../auth/sessions.ts';
import type { Database } from '../db/database.ts';
import { notifySessionsEnded } from '../live/session-ends.ts';
import { AccountError } from './account-errors.ts';
import { hashNewPassword } from './new-passwords.ts';

/**
 * An admin sets a new password for an account (or has one generated, returned
 * once). Every session of the account ends and its sockets close: whoever
 * knew the old password is out.
 */
export async function resetPassword(
  db: Database,
  input: {
    workspaceId: string;
    userId: string;
    password?: string;
    actor: AuditActor;
    passwordParams?: ScryptParams;
  },
): Promise<{ generatedPassword: string | null }> {
  const [account] = await db.query<{ email: string }>('select email from users where id = $1 and workspace_id = $2', [
    input.userId,
    input.workspaceId,
  ]);
  if (!account) throw new AccountError('not_found', 'There is no such account in this team.');
  const password = await hashNewPassword(input.password, account.email, input.passwordParams);
  await db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $2, updated_at = now() where id = $1', [
      input.userId,
      password.hash,
    ]);
    const endedSessions = await endSessions(tx, input.userId);
    await notifySessionsEnded(tx, input.userId);
    await recordAudit(tx, {
      ...input.actor,
      workspaceId: input.workspaceId,
      action: 'password.reset',
      detail: { targetUserId: input.userId, generatedPassword: password.generated !== null, endedSessions },
    });
  });
  return { generatedPassword: password.generated };
}

/**
 * Someone changes their own password, proving they know the current one. The
 * session they did it from stays; every other one ends (a device someone
 * else may hold).
 */
export async function changeOwnPassword(
  db: Database,
  input: {
    user: SessionUser;
    currentToken: string;
    currentPassword: string;
    newPassword: string;
    ip?: string;
    passwordParams?: ScryptParams;
  },
): Promise<void> {
  const { user } = input;
  const [row] = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [user.id]);
  if (!row || !(await verifyPassword(input.currentPassword, row.password_hash))) {
    throw new AccountError('wrong_password', 'Your current password is not right.');
  }
  const password = await hashNewPassword(input.newPassword, user.email, input.passwordParams);
  await db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $2, updated_at = now() where id = $1', [user.id, password.hash]);
    const endedSessions = await endSessions(tx, user.id, { keepToken: input.currentToken });
    await notifySessionsEnded(tx, user.id);
    await recordAudit(tx, {
      workspaceId: user.workspaceId,
      userId: user.id,
      ip: input.ip ?? null,
      action: 'password.changed',
      detail: { endedSessions },
    });
  });
}
