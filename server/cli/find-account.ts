import { EmailAddress } from '#shared/domain/email';
import type { Sql } from '../db/database.ts';

/** The id of the account with this email in the workspace, or a clear error. */
export async function accountIdByEmail(sql: Sql, workspaceId: string, rawEmail: string): Promise<string> {
  const email = EmailAddress.parse(rawEmail);
  const [row] = await sql.query<{ id: string }>('select id from users where email = $1 and workspace_id = $2', [
    email,
    workspaceId,
  ]);
  if (!row) throw new Error(`There is no account for ${email} in this team.`);
  return row.id;
}
