import { randomBytes } from 'node:crypto';
import type { AccountSummary } from '#shared/api/accounts';
import { EmailAddress } from '#shared/domain/email';
import type { Role } from '#shared/domain/roles';
import { type AuditActor, recordAudit } from '../audit.ts';
import type { Database } from '../db/database.ts';
import { AccountError } from './account-errors.ts';
import { readAccount } from './account-rows.ts';
import { publishMember } from './member-rows.ts';
import type { ScryptParams } from '../auth/passwords.ts';
import { hashNewPassword } from './new-passwords.ts';

export interface NewAccount {
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  /** Omitted: one is generated and returned once. */
  password?: string;
  actor: AuditActor;
  /** For counting live sessions in the answer. */
  idleMs: number;
  /** Tests only; accounts are always hashed with OWASP's parameters otherwise. */
  passwordParams?: ScryptParams;
}

/**
 * Adds an account and its synced member row (so every app sees the new
 * teammate live). The email is stored trimmed and lower-cased; a taken email
 * is refused with `email_taken`, a weak password with `weak_password`.
 */
export async function createAccount(
  db: Database,
  input: NewAccount,
): Promise<{ account: AccountSummary; generatedPassword: string | null }> {
  const email = EmailAddress.parse(input.email);
  const name = input.name.trim();
  // Hashing is slow on purpose, so it happens before the transaction, not inside it.
  const password = await hashNewPassword(input.password, email, input.passwordParams);
  const id = `usr_${randomBytes(9).toString('base64url')}`;
  const account = await db.transaction(async (tx) => {
    const inserted = await tx.query(
      `insert into users (id, workspace_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6)
       on conflict (email) do nothing returning id`,
      [id, input.workspaceId, email, name, input.role, password.hash],
    );
    if (inserted.length === 0) throw new AccountError('email_taken', `There is already an account for ${email}.`);
    await publishMember(tx, input.workspaceId, { id, name, email, role: input.role });
    await recordAudit(tx, {
      ...input.actor,
      workspaceId: input.workspaceId,
      action: 'user.created',
      detail: { targetUserId: id, email, name, role: input.role, generatedPassword: password.generated !== null },
    });
    return readAccount(tx, input.workspaceId, id, input.idleMs);
  });
  if (!account) throw new Error(`The account ${id} vanished while it was being created.`);
  return { account, generatedPassword: password.generated };
}
