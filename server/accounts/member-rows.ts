import { Member } from '#shared/domain/member';
import type { Sql } from '../db/database.ts';
import { nextWorkspaceVersion, notifyPoke, writeRow } from '../sync/sync-rows.ts';

/**
 * Writes a teammate's synced `member` row at a new workspace version and pokes
 * every client, so a new colleague or a changed name or role shows up live in
 * every app. Call inside the transaction that changes the account.
 */
export async function publishMember(
  tx: Sql,
  workspaceId: string,
  account: { id: string; name: string; email: string; role: string },
): Promise<void> {
  const member = Member.parse({ id: account.id, name: account.name, email: account.email, role: account.role });
  const version = await nextWorkspaceVersion(tx, workspaceId);
  await writeRow(tx, workspaceId, 'member', member, version);
  await notifyPoke(tx, workspaceId, version);
}
