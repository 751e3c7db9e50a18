import { z } from 'zod';
import type { SessionUser } from '#shared/api/auth';
import { ClientGroupId, ClientId, EpochMs, UserId, WorkspaceId } from '#shared/domain/ids';
import { PushedMutation } from '#shared/sync/protocol';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { readSyncState } from '../db/sync-state.ts';
import { rebase } from './rebase.ts';

/**
 * A file of changes that have not reached the server, so nothing is ever
 * trapped on a broken device: export on the broken one, import on another
 * (signed in as the same person). Each change keeps the identity of the device
 * that made it, so the server applies it once, whichever device sends it first.
 */
export const UnsyncedChangesFile = z.object({
  format: z.literal('shiftdesk/unsynced-changes'),
  version: z.literal(1),
  exportedAt: EpochMs,
  workspaceId: WorkspaceId,
  user: z.object({ id: UserId, name: z.string().max(200) }),
  changes: z.array(PushedMutation.extend({ clientGroupId: ClientGroupId, clientId: ClientId })).max(100_000),
});
export type UnsyncedChangesFile = z.infer<typeof UnsyncedChangesFile>;

export async function exportUnsyncedChanges(
  db: ShiftdeskDb,
  user: SessionUser,
  now = Date.now(),
): Promise<UnsyncedChangesFile> {
  return db.transaction('r', db.syncTables(), async () => {
    const state = await readSyncState(db);
    const own = await db.local.outbox.orderBy('id').toArray();
    const imported = (await db.local.importedOutbox.toArray()).filter((entry) => entry.confirmedAt === null);
    return {
      format: 'shiftdesk/unsynced-changes',
      version: 1,
      exportedAt: now,
      workspaceId: user.workspaceId,
      user: { id: user.id, name: user.name },
      changes: [
        ...imported.map(({ clientGroupId, clientId, id, name, args, createdAt }) => ({
          clientGroupId,
          clientId,
          id,
          name,
          args,
          createdAt,
        })),
        ...own.map((entry) => ({ clientGroupId: state.clientGroupId, clientId: state.clientId, ...entry })),
      ],
    };
  });
}

export function unsyncedChangesFileName(file: UnsyncedChangesFile): string {
  const stamp = new Date(file.exportedAt).toISOString().replace(/[:.]/g, '-');
  return `shiftdesk-unsynced-changes-${stamp}.json`;
}

export class ImportRefused extends Error {
  override name = 'ImportRefused';
}

export interface ImportSummary {
  imported: number;
  /** Changes this device already has (its own, or imported before). */
  alreadyHere: number;
}

/**
 * Reads an exported file and queues its changes here. Refuses, with a reason and
 * without touching anything, a file that is not one, or one made by someone else.
 */
export async function importUnsyncedChanges(
  db: ShiftdeskDb,
  user: SessionUser,
  text: string,
  now = Date.now(),
): Promise<ImportSummary> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImportRefused('This file is not a Shiftdesk export (it is not JSON).');
  }
  const parsed = UnsyncedChangesFile.safeParse(raw);
  if (!parsed.success) {
    throw new ImportRefused(
      `This file is not a Shiftdesk export of unsynced changes: ${z.prettifyError(parsed.error)}`,
    );
  }
  const file = parsed.data;
  if (file.workspaceId !== user.workspaceId) {
    throw new ImportRefused('These changes belong to another team’s workspace; nothing was imported.');
  }
  if (file.user.id !== user.id) {
    throw new ImportRefused(
      `These are ${file.user.name}’s changes: sign in as ${file.user.name} to send them. Nothing was imported.`,
    );
  }
  return db.transaction('rw', db.syncTables(), async () => {
    const state = await readSyncState(db);
    let imported = 0;
    let alreadyHere = 0;
    for (const change of file.changes) {
      const key = `${change.clientId}:${change.id}`;
      const ownChange = change.clientId === state.clientId;
      // Changes of an id this device left behind were renumbered into its outbox when it started over.
      const renumbered = state.previousClientIds.includes(change.clientId);
      const here = renumbered
        ? true
        : ownChange
          ? change.id <= state.ackedThrough || (await db.local.outbox.get(change.id)) !== undefined
          : (await db.local.importedOutbox.get(key)) !== undefined;
      if (here) {
        alreadyHere++;
        continue;
      }
      await db.local.importedOutbox.put({ key, ...change, args: change.args, importedAt: now, confirmedAt: null });
      imported++;
    }
    if (imported > 0) await rebase(db, user, state.clientId);
    return { imported, alreadyHere };
  });
}
