import { TeamSettings, type UpdateTeamSettingsRequest } from '#shared/api/team-settings';
import type { z } from 'zod';
import { type AuditActor, recordAudit } from '../audit.ts';
import type { Database, Sql } from '../db/database.ts';
import { nextWorkspaceVersion, notifyPoke, readWorkspaceSettings, writeRow } from '../sync/sync-rows.ts';

/**
 * Name and time zone live on the workspace row (the server's own record);
 * the sync window in the synced settings row, which also carries a copy of
 * name and zone so every app has them without asking.
 */
export async function readTeamSettings(sql: Sql, workspaceId: string): Promise<TeamSettings> {
  const [workspace] = await sql.query<{ name: string; time_zone: string }>(
    'select name, time_zone from workspaces where id = $1',
    [workspaceId],
  );
  if (!workspace) throw new Error(`Workspace ${workspaceId} does not exist.`);
  const synced = await readWorkspaceSettings(sql, workspaceId);
  return TeamSettings.parse({
    name: workspace.name,
    timeZone: workspace.time_zone,
    syncWindowDays: synced.syncWindowDays,
  });
}

/**
 * Changes team settings and pokes every client: the settings row is written at
 * a new version, and a changed sync window makes each app download its window
 * again (its cookie names the old one). Audited with before and after.
 */
export async function updateTeamSettings(
  db: Database,
  input: { workspaceId: string; changes: z.output<typeof UpdateTeamSettingsRequest>; actor: AuditActor },
): Promise<TeamSettings> {
  return db.transaction(async (tx) => {
    const { workspaceId } = input;
    // The workspace row lock first, so concurrent changes apply one after another on fresh values.
    await tx.query('select 1 from workspaces where id = $1 for update', [workspaceId]);
    const before = await readTeamSettings(tx, workspaceId);
    const after = TeamSettings.parse({ ...before, ...definedOnly(input.changes) });
    if (JSON.stringify(before) === JSON.stringify(after)) return before;
    const version = await nextWorkspaceVersion(tx, workspaceId);
    await tx.query('update workspaces set name = $2, time_zone = $3 where id = $1', [
      workspaceId,
      after.name,
      after.timeZone,
    ]);
    const synced = await readWorkspaceSettings(tx, workspaceId);
    await writeRow(
      tx,
      workspaceId,
      'settings',
      { ...synced, syncWindowDays: after.syncWindowDays, teamName: after.name, timeZone: after.timeZone },
      version,
    );
    await notifyPoke(tx, workspaceId, version);
    await recordAudit(tx, { ...input.actor, workspaceId, action: 'settings.changed', detail: { before, after } });
    return after;
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
