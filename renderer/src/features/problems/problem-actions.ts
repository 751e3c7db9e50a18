import type { SessionUser } from '#shared/api/auth';
import { ProblemId } from '#shared/domain/ids';
import { LINK_BATCH_MAX } from '#shared/sync/mutators/problem/create-problem';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { type BatchChange, mutateBatch } from '../../sync/mutate.ts';

/** A new problem's id, drawn here so the screen shows it before the server has it. */
export function newProblemId(): ProblemId {
  return ProblemId.parse(`prb_${crypto.randomUUID()}`);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * Links tickets to a problem, creating it first when `create` names a title:
 * one local transaction (it syncs in the background), in batches the server
 * accepts. Returns what to tell the agent when the rules refuse it.
 */
export async function linkTicketsToProblem(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  target: { problemId: ProblemId; create?: { title: string } },
  ticketIds: readonly string[],
): Promise<string | null> {
  const batches = chunks(ticketIds, LINK_BATCH_MAX);
  const changes: BatchChange[] = [];
  if (target.create) {
    const ticketIds = batches.shift() ?? [];
    changes.push({
      name: 'createProblem',
      args: { problemId: target.problemId, title: target.create.title, ticketIds },
    });
  }
  for (const ids of batches)
    changes.push({ name: 'linkToProblem', args: { problemId: target.problemId, ticketIds: ids } });
  try {
    const outcome = await mutateBatch(db, user, changes);
    return outcome.refused[0]?.message ?? null;
  } catch (error) {
    return `The link could not be saved on this device: ${error instanceof Error ? error.message : String(error)}`;
  }
}
