import type { ClientGroupId } from '#shared/domain/ids';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import type { ApiClient } from './api-client.ts';

const REPORT_BATCH = 100;

/**
 * Tells the server about rows this device had to set aside, so whoever runs it
 * sees the damage in the log. Best effort: unreported rows are tried again
 * after the next pull that sets something aside, or the next start.
 */
export async function reportSetAsideRows(db: ShiftdeskDb, api: ApiClient, clientGroupId: ClientGroupId): Promise<void> {
  try {
    const unreported = await db.local.setAside
      .filter((row) => !row.reported)
      .limit(REPORT_BATCH)
      .toArray();
    if (unreported.length === 0) return;
    await api.reportProblems({
      clientGroupId,
      problems: unreported.map((row) => ({
        entity: row.entity.slice(0, 100),
        id: row.id.slice(0, 200),
        problem: row.problem.slice(0, 2_000),
      })),
    });
    await db.local.setAside.bulkPut(unreported.map((row) => ({ ...row, reported: true })));
  } catch {
    // The rows stay marked unreported.
  }
}
