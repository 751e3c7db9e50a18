import type { Problem } from '../../../domain/problem.ts';
import type { MutatorTx, SampleWorld } from '../../mutator.ts';
import type { SeededRandom } from '../../../util/seeded-random.ts';
import { MutationRejected } from '../../rejection.ts';

/** The problem a change is about, or a rejection that names it. */
export async function problemOrReject(tx: MutatorTx, problemId: string): Promise<Problem> {
  const problem = await tx.get('problem', problemId);
  if (!problem) {
    throw new MutationRejected('not_found', 'That problem no longer exists.', {
      subject: { entity: 'problem', id: problemId },
    });
  }
  return problem;
}

/**
 * Recounts a problem from its linked tickets: each linked ticket and every
 * ticket merged into it, and the distinct customers behind them. A merged
 * ticket's own link does not count while it is merged. Recounting
 * (rather than adding and subtracting) keeps merges, unmerges and relinks
 * from drifting the figures. On the server this reads every linked ticket; a
 * device offline recounts from the ones it holds, until the server's figures
 * arrive with the next pull.
 */
export async function recountProblem(tx: MutatorTx, problemId: string, now: number): Promise<void> {
  const problem = await tx.get('problem', problemId);
  if (!problem) return;
  const tickets = new Set<string>();
  const customers = new Set<string>();
  for (const ticket of await tx.list('ticket', 'problemId', problemId)) {
    // A merged duplicate counts through its canonical ticket (as it is linked through it): the
    // link it had before the merge rests until an unmerge, or it would count under two problems.
    if (ticket.mergedInto) continue;
    tickets.add(ticket.id);
    customers.add(ticket.customerId);
    for (const merged of ticket.merged ?? []) {
      tickets.add(merged.ticketId);
      customers.add(merged.customerId);
    }
  }
  if (problem.ticketCount === tickets.size && problem.affectedCustomers === customers.size) return;
  await tx.put('problem', { ...problem, ticketCount: tickets.size, affectedCustomers: customers.size, updatedAt: now });
}

/** Recounts each problem once, whichever tickets of a change pointed at it. */
export async function recountProblems(
  tx: MutatorTx,
  problemIds: Iterable<string | undefined>,
  now: number,
): Promise<void> {
  for (const id of new Set(problemIds)) {
    if (id !== undefined) await recountProblem(tx, id, now);
  }
}

/** Mostly problems that exist; now and then one that does not (deleted, stale link). */
export function sampleProblemId(random: SeededRandom, world: SampleWorld): string {
  return world.problemIds.length === 0 || random.chance(0.1) ? 'prb_missing' : random.pick(world.problemIds);
}
