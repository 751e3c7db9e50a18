import type { SessionUser } from '#shared/api/auth';
import { MERGE_BATCH_MAX } from '#shared/sync/mutators/merge/merge-tickets';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { type BatchChange, mutateBatch } from '../../sync/mutate.ts';
import { runLocalChange } from '../../sync/run-change.ts';

export interface MergeOutcome {
  merged: number;
  /** What to tell the agent when the rules refused some or all of it. */
  refusal: string | null;
}

/**
 * Merges duplicates into one ticket, locally (it syncs in the background): a
 * selection larger than one mutation takes goes in several, in one transaction.
 */
export async function mergeIntoTicket(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  targetId: string,
  sourceIds: readonly string[],
): Promise<MergeOutcome> {
  const sources = sourceIds.filter((id) => id !== targetId);
  if (sources.length === 0) return { merged: 0, refusal: 'Pick the duplicates first, then the ticket to keep.' };
  const changes: BatchChange[] = [];
  for (let start = 0; start < sources.length; start += MERGE_BATCH_MAX) {
    changes.push({
      name: 'mergeTickets',
      args: { targetId, sourceIds: sources.slice(start, start + MERGE_BATCH_MAX) },
    });
  }
  try {
    const outcome = await mutateBatch(db, user, changes);
    const merged = outcome.applied.reduce(
      (sum, index) => sum + ((changes[index]?.args as { sourceIds: string[] }).sourceIds.length ?? 0),
      0,
    );
    return { merged, refusal: outcome.refused[0]?.message ?? null };
  } catch (error) {
    return {
      merged: 0,
      refusal: `The merge could not be saved on this device: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Takes a merged ticket back out; returns what to tell the agent if that was refused. */
export function unmergeTicket(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  ticketId: string,
): Promise<string | null> {
  return runLocalChange(db, user, 'unmergeTicket', { ticketId }, 'The unmerge');
}
