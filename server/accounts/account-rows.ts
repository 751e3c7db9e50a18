import { AccountSummary } from '#shared/api/accounts';
import type { Sql } from '../db/database.ts';
import { liveSessionCondition } from '../auth/sessions.ts';

interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  created_at_ms: number;
  last_login_at_ms: number | null;
  active_sessions: number;
}

/** `$1` is the workspace, `$2` the session idle limit in ms (to count only live sessions). */
const ACCOUNT_SELECT = `
  select u.id, u.email, u.name, u.role, u.disabled_at is not null as disabled,
         floor(extract(epoch from u.created_at) * 1000)::int8 as created_at_ms,
         floor(extract(epoch from u.last_login_at) * 1000)::int8 as last_login_at_ms,
         (select count(*) from sessions s where s.user_id = u.id and ${liveSessionCondition('s', '$2')})::int8
           as active_sessions
    from users u
   where u.workspace_id = $1`;

function toSummary(row: AccountRow): AccountSummary {
  return AccountSummary.parse({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.created_at_ms,
    lastLoginAt: row.last_login_at_ms,
    activeSessions: row.active_sessions,
  });
}

/** Every account of a workspace, by name. */
export async function listAccounts(sql: Sql, workspaceId: string, idleMs: number): Promise<AccountSummary[]> {
  const rows = await sql.query<AccountRow>(`${ACCOUNT_SELECT} order by lower(u.name), u.id`, [workspaceId, idleMs]);
  return rows.map(toSummary);
}

/** One account of a workspace, or undefined (another team's account is as good as absent). */
export async function readAccount(
  sql: Sql,
  workspaceId: string,
  userId: string,
  idleMs: number,
): Promise<AccountSummary | undefined> {
  const [row] = await sql.query<AccountRow>(`${ACCOUNT_SELECT} and u.id = $3`, [workspaceId, idleMs, userId]);
  return row ? toSummary(row) : undefined;
}
