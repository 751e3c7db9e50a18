import type { AccountSummary } from '#shared/api/accounts';
import type { AuditAction } from '#shared/api/audit';
import { Role } from '#shared/domain/roles';
import { type AuditActor, recordAudit } from '../audit.ts';
import { endSessions } from '../auth/sessions.ts';
import type { Database, Sql } from '../db/database.ts';
import { notifySessionsEnded } from '../live/session-ends.ts';
import { AccountError } from './account-errors.ts';
import { readAccount } from './account-rows.ts';
import { publishMember } from './member-rows.ts';

export interface AccountChanges {
  name?: string;
  role?: Role;
  disabled?: boolean;
}

export interface AccountTarget {
  workspaceId: string;
  userId: string;
  actor: AuditActor;
  /** For counting live sessions in the answer. */
  idleMs: number;
}

interface StoredAccount {
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
}

async function lockAccount(tx: Sql, workspaceId: string, userId: string): Promise<StoredAccount> {
  // The workspace row lock serializes account changes per team, so two admins demoting each
  // other at the same moment cannot both pass the last-admin check below.
  await tx.query('select 1 from workspaces where id = $1 for update', [workspaceId]);
  const [row] = await tx.query<{ name: string; email: string; role: string; disabled: boolean }>(
    `select name, email, role, disabled_at is not null as disabled
       from users where id = $1 and workspace_id = $2 for update`,
    [userId, workspaceId],
  );
  if (!row) throw new AccountError('not_found', 'There is no such account in this team.');
  return { ...row, role: Role.parse(row.role) };
}

/** Refuses a change that would leave the team without an admin who can sign in (nobody could undo it). */
async function keepAnAdmin(tx: Sql, workspaceId: string, userId: string): Promise<void> {
  const [other] = await tx.query(
    "select 1 from users where workspace_id = $1 and id <> $2 and role = 'admin' and disabled_at is null limit 1",
    [workspaceId, userId],
  );
  if (!other) {
    throw new AccountError(
      'last_admin',
      'This is the only admin who can sign in. Make someone else an admin first, so the team is not locked out.',
    );
  }
}

/**
 * Renames, changes the role of, disables or enables an account, in one
 * transaction with its audit entries. A role change or disabling ends every
 * session of the account and closes its open sockets on every server
 * instance; a rename or role change updates the synced member row.
 */
export async function updateAccount(
  db: Database,
  target: AccountTarget,
  changes: AccountChanges,
): Promise<AccountSummary> {
  const { workspaceId, userId, actor } = target;
  return db.transaction(async (tx) => {
    const before = await lockAccount(tx, workspaceId, userId);
    const name = changes.name?.trim() ?? before.name;
    const role = changes.role ?? before.role;
    const disabled = changes.disabled ?? before.disabled;
    const renamed = name !== before.name;
    const roleChanged = role !== before.role;
    const disabledChanged = disabled !== before.disabled;
    const wasActiveAdmin = before.role === 'admin' && !before.disabled;
    if (wasActiveAdmin && (role !== 'admin' || disabled)) await keepAnAdmin(tx, workspaceId, userId);

    if (renamed || roleChanged || disabledChanged) {
      await tx.query(
        `update users set name = $2, role = $3, updated_at = now(),
                disabled_at = case when $4 then coalesce(disabled_at, now()) else null end
          where id = $1`,
        [userId, name, role, disabled],
      );
    }
    if (renamed || roleChanged) await publishMember(tx, workspaceId, { id: userId, name, email: before.email, role });
    // Sessions carry the permissions they were opened with in every app: end them, so the
    // person signs in again under the new role (or not at all).
    const endsSessions = roleChanged || (disabledChanged && disabled);
    const endedSessions = endsSessions ? await endSessions(tx, userId) : 0;
    if (endsSessions) await notifySessionsEnded(tx, userId);

    const audit = (action: AuditAction, detail: Record<string, unknown>) =>
      recordAudit(tx, { ...actor, workspaceId, action, detail: { targetUserId: userId, ...detail } });
    if (renamed) await audit('user.updated', { name: { from: before.name, to: name } });
    if (roleChanged) await audit('user.role_changed', { from: before.role, to: role, endedSessions });
    if (disabledChanged) await audit(disabled ? 'user.disabled' : 'user.enabled', disabled ? { endedSessions } : {});

    const account = await readAccount(tx, workspaceId, userId, target.idleMs);
    if (!account) throw new AccountError('not_found', 'There is no such account in this team.');
    return account;
  });
}

/** For the command line and scripts: one change at a time. */
export const setRole = (db: Database, target: AccountTarget, role: Role) => updateAccount(db, target, { role });
export const disableAccount = (db: Database, target: AccountTarget) => updateAccount(db, target, { disabled: true });
export const enableAccount = (db: Database, target: AccountTarget) => updateAccount(db, target, { disabled: false });
export const renameAccount = (db: Database, target: AccountTarget, name: string) => updateAccount(db, target, { name });
