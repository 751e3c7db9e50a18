import type { FastifyBaseLogger } from 'fastify';
import { ZodError } from 'zod';
import type { SessionUser } from '#shared/api/auth';
import { ClientId } from '#shared/domain/ids';
import type { PushRequest, PushResponse, PushedMutation } from '#shared/sync/protocol';
import { MutationRejected } from '#shared/sync/rejection';
import { runMutation } from '#shared/sync/run-mutation';
import { recordAudit } from '../audit.ts';
import type { Database, Sql } from '../db/database.ts';
import { claimClientGroup, lastMutationIdOf, lockClient } from './client-groups.ts';
import { serverMutatorTx } from './server-mutator-tx.ts';
import { nextWorkspaceVersion, notifyPoke } from './sync-rows.ts';

type Outcome = 'applied' | 'rejected' | 'already_processed' | 'out_of_order';

/**
 * Processes pushed mutations in order, one transaction each (BRIEF §5): skip what
 * was already processed, stop at a gap, otherwise run the shared mutator and move
 * lastMutationId in the same commit. A rejected mutation rolls back its effects
 * but still moves lastMutationId, and leaves a record the client will pull.
 *
 * The answer is the client's lastMutationId afterwards; a client that knows the
 * server once confirmed more can tell the server lost data.
 */
export async function processPush(
  db: Database,
  user: SessionUser,
  request: PushRequest,
  log: FastifyBaseLogger,
): Promise<PushResponse> {
  await claimClientGroup(db, request.clientGroupId, user);
  if (request.mutations.length === 0) return { lastMutationId: await lastMutationIdOf(db, request.clientId) };
  let lastMutationId = 0;
  for (const mutation of request.mutations) {
    const { outcome, lastProcessed } = await db.transaction((tx) => processOne(tx, user, request, mutation, log));
    lastMutationId = lastProcessed;
    if (outcome === 'out_of_order') break;
  }
  return { lastMutationId };
}

async function processOne(
  tx: Sql,
  user: SessionUser,
  request: PushRequest,
  mutation: PushedMutation,
  log: FastifyBaseLogger,
): Promise<{ outcome: Outcome; lastProcessed: number }> {
  const last = await lockClient(tx, request.clientId, request.clientGroupId);
  if (mutation.id <= last) return { outcome: 'already_processed', lastProcessed: last };
  if (mutation.id > last + 1) return { outcome: 'out_of_order', lastProcessed: last };

  const version = await nextWorkspaceVersion(tx, user.workspaceId);
  const ctx = {
    actor: { id: user.id, role: user.role },
    now: Date.now(),
    clientId: ClientId.parse(request.clientId),
    mutationId: mutation.id,
  };

  let rejection: MutationRejected | null = null;
  await tx.query('savepoint mutation');
  try {
    await runMutation(serverMutatorTx(tx, user.workspaceId, version), mutation.name, mutation.args, ctx);
    await tx.query('release savepoint mutation');
  } catch (error) {
    rejection = asPermanentRejection(error, mutation, log);
    if (!rejection) throw error; // transient (e.g. the database): the client retries the push
    await tx.query('rollback to savepoint mutation');
    await tx.query(
      `insert into mutation_rejections (client_group_id, client_id, mutation_id, name, code, message, rejected_at, version)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        request.clientGroupId,
        request.clientId,
        mutation.id,
        mutation.name,
        rejection.code,
        rejection.message,
        ctx.now,
        version,
      ],
    );
  }

  await tx.query('update clients set last_mutation_id = $1, version = $2, last_seen_at = now() where id = $3', [
    mutation.id,
    version,
    request.clientId,
  ]);
  await recordAudit(tx, {
    workspaceId: user.workspaceId,
    userId: user.id,
    action: rejection ? 'mutation.rejected' : `mutation.${mutation.name}`,
    detail: { clientId: request.clientId, mutationId: mutation.id, name: mutation.name, code: rejection?.code ?? null },
  });
  await notifyPoke(tx, user.workspaceId, version);
  return { outcome: rejection ? 'rejected' : 'applied', lastProcessed: mutation.id };
}

/**
 * Errors that would fail the same way on every retry become rejections, so one
 * bad mutation cannot block the client's outbox for good: the rules saying no,
 * and a mutator producing a row that breaks its schema (a bug, logged in full).
 */
function asPermanentRejection(
  error: unknown,
  mutation: PushedMutation,
  log: FastifyBaseLogger,
): MutationRejected | null {
  if (error instanceof MutationRejected) return error;
  if (error instanceof ZodError) {
    log.error({ err: error, mutation: mutation.name }, 'mutator produced an invalid row');
    return new MutationRejected(
      'invalid',
      `The server could not apply "${mutation.name}" (an internal error was logged).`,
    );
  }
  return null;
}
