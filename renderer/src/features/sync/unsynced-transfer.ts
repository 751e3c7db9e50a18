import type { SessionUser } from '#shared/api/auth';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import {
  ImportRefused,
  exportUnsyncedChanges,
  importUnsyncedChanges,
  unsyncedChangesFileName,
} from '../../sync/unsynced-changes-file.ts';

/** Saves this device's unsynced changes as a file the agent can carry to another device. */
export async function downloadUnsyncedChanges(db: ShiftdeskDb, user: SessionUser): Promise<number> {
  const file = await exportUnsyncedChanges(db, user);
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = unsyncedChangesFileName(file);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.changes.length;
}

/** Reads a chosen export file and queues its changes; the message says what happened, in words. */
export async function uploadUnsyncedChanges(db: ShiftdeskDb, user: SessionUser, file: File): Promise<string> {
  try {
    const { imported, alreadyHere } = await importUnsyncedChanges(db, user, await file.text());
    const already = alreadyHere > 0 ? ` ${alreadyHere} were already on this device.` : '';
    return imported === 0
      ? `Nothing new to import.${already}`
      : `Imported ${imported} change${imported === 1 ? '' : 's'}; they sync like your own.${already}`;
  } catch (error) {
    if (error instanceof ImportRefused) return error.message;
    return `The file could not be imported: ${error instanceof Error ? error.message : String(error)}`;
  }
}
