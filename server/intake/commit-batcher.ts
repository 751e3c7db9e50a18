import type { Database, Sql } from '../db/database.ts';
import { nextWorkspaceVersion, notifyPoke } from '../sync/sync-rows.ts';

/** Requests one transaction takes at most: enough to amortize the commit, few enough to keep each answer quick. */
export const MAX_BATCH = 50;

/** A request's work: runs in its batch's transaction, writing any rows at the batch's `version`. */
export type BatchedWork<T> = (tx: Sql, version: number) => Promise<T>;

interface Pending {
  work: BatchedWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Waits for the workspace row lock: every intake write of a team runs one at a time, in version order. */
export async function lockWorkspace(tx: Sql, workspaceId: string): Promise<void> {
  const [row] = await tx.query('select 1 from workspaces where id = $1 for update', [workspaceId]);
  if (!row) throw new Error(`Workspace ${workspaceId} does not exist.`);
}

/**
 * Group commit for writes under the workspace row lock. A write's throughput
 * is one per lock hold (lock, a few statements, COMMIT and its fsync); here
 * the requests that arrive while one transaction runs wait in a queue, and the
 * next transaction takes up to `MAX_BATCH` of them: it locks the workspace
 * once (taking the next workspace version, which every row of the batch is
 * written at, as a push does), runs each request's work in its own SAVEPOINT
 * (a request that fails is rolled back alone and gets its own error), queues
 * one poke, commits once, and only then answers every request. Nothing is answered before its COMMIT; if the
 * transaction itself fails, every request in it gets that error.
 */
export class CommitBatcher {
  private readonly queues = new Map<string, Pending[]>();

  constructor(private readonly db: Database) {}

  /** Runs `work` under the workspace lock in some batch's transaction; settles after that transaction committed. */
  run<T>(workspaceId: string, work: BatchedWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { work, resolve: resolve as (value: unknown) => void, reject };
      const queue = this.queues.get(workspaceId);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(workspaceId, [pending]);
      void this.drain(workspaceId);
    });
  }

  /** One worker per workspace with waiting requests: batch after batch until its queue is empty. */
  private async drain(workspaceId: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(workspaceId);
      if (!queue || queue.length === 0) {
        this.queues.delete(workspaceId);
        return;
      }
      const batch = queue.splice(0, MAX_BATCH);
      let outcomes: Outcome[];
      try {
        outcomes = await this.db.transaction(async (tx) => {
          // The update takes the workspace row lock (as `lockWorkspace` does) and the batch's version.
          const version = await nextWorkspaceVersion(tx, workspaceId);
          const done: Outcome[] = [];
          for (const pending of batch) done.push(await runInSavepoint(tx, version, pending.work));
          // Delivered on COMMIT; a batch of only replays or failures pokes needlessly but harmlessly.
          if (done.some((outcome) => outcome.ok)) await notifyPoke(tx, workspaceId, version);
          return done;
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        continue;
      }
      batch.forEach((pending, index) => {
        const outcome = outcomes[index] as Outcome;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    }
  }
}

/** One request's work in a savepoint: kept if it succeeded, rolled back alone if it threw. */
async function runInSavepoint(tx: Sql, version: number, work: BatchedWork<unknown>): Promise<Outcome> {
  await tx.query('savepoint intake_request');
  try {
    const value = await work(tx, version);
    await tx.query('release savepoint intake_request');
    return { ok: true, value };
  } catch (error) {
    // If this fails too, the transaction is broken: the whole batch fails (and is answered with that error).
    await tx.query('rollback to savepoint intake_request');
    return { ok: false, error };
  }
}
