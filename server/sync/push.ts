import type { FastifyBaseLogger } from 'fastify';
import { ZodError } from 'zod';
import type { AuditAction } from '#shared/api/audit';
import type { SessionUser } from '#shared/api/auth';
import { ClientId } from '#shared/domain/ids';
import type { MutationContext } from '#shared/sync/mutator';
import { isMutationName } from '#shared/sync/mutators/registry';
import type { PushRequest, PushResponse, PushedMutation } from '#shared/sync/protocol';
import { type MutationRejection, MutationRejected } from '#shared/sync/rejection';
import { runMutation } from '#shared/sync/run-mutation';
import type { Database, Sql } from '../db/database.ts';
import { isPostgresDataError } from '../http/errors.ts';
import { claimClientGroup, lastMutationIdOf, lockClient } from './client-groups.ts';
import { auditActionOf } from './mutation-audit.ts';
import { type CommittedMutation, type ServerMutationHooks, runServerPart } from './server-mutations.ts';
import { REJECTION_COLUMNS, type RejectionRecord, rejectionFromRecord } from './rejection-records.ts';
import { serverMutatorTx } from './server-mutator-tx.ts';
import { nextWorkspaceVersion, notifyPoke } from './sync-rows.ts';

/**
 * Mutations per transaction. One transaction per mutation made a 10,000-change
 * catch-up crawl; one per push would hold the workspace lock too long for
 * everyone else. Each chunk commits with one new version.
 */
export const PUSH_CHUNK = 50;

interface ChunkResult {
  lastMutationId: number;
  rejections: MutationRejection[];
  /** A gap: a mutation arrived before its predecessor; nothing after it was processed. */
  stopped: boolean;
  committed: CommittedMutation[];
}

/**
 * Processes pushed mutations in order (BRIEF §5): skip what was already
 * processed, stop at a gap, otherwise run the shared mutator (then its
 * server-only part) and move lastMutationId in the same commit. A rejected
 * mutation rolls back its own effects but still moves lastMutationId, and
 * leaves a record the client will pull.
 *
 * The answer is the client's lastMutationId afterwards; a client that knows the
 * server once confirmed more can tell the server lost data.
 */
export async function processPush(
  db: Database,
  user: SessionUser,
  request: PushRequest,
  log: FastifyBaseLogger,
  hooks: ServerMutationHooks,
): Promise<PushResponse> {
  await claimClientGroup(db, request.clientGroupId, user);
  if (request.carrierGroupId) await claimClientGroup(db, request.carrierGroupId, user);
  if (request.mutations.length === 0) {
    return { lastMutationId: await lastMutationIdOf(db, request.clientId, request.clientGroupId), rejections: [] };
  }
  let lastMutationId = 0;
  const rejections: MutationRejection[] = [];
  for (let start = 0; start < request.mutations.length; start += PUSH_CHUNK) {
    const chunk = request.mutations.slice(start, start + PUSH_CHUNK);
    const result = await db.transaction((tx) => processChunk(tx, user, request, chunk, log, hooks));
    lastMutationId = result.lastMutationId;
    rejections.push(...result.rejections);
    for (const committed of result.committed) hooks.afterCommit(committed, log);
    if (result.stopped) break;
  }
  return { lastMutationId, rejections };
}

async function processChunk(
  tx: Sql,
  user: SessionUser,
  request: PushRequest,
  chunk: readonly PushedMutation[],
  log: FastifyBaseLogger,
  hooks: ServerMutationHooks,
): Promise<ChunkResult> {
  let last = await lockClient(tx, request.clientId, request.clientGroupId);
  let version: number | null = null;
  const committed: CommittedMutation[] = [];
  const audit: { action: AuditAction; detail: Record<string, unknown> }[] = [];
  const rejections: MutationRejection[] = [];
  let stopped = false;

  const alreadyProcessed: number[] = [];
  for (const mutation of chunk) {
    if (mutation.id <= last) {
      alreadyProcessed.push(mutation.id);
      continue;
    }
    if (mutation.id > last + 1) {
      stopped = true;
      break;
    }
    version ??= await nextWorkspaceVersion(tx, user.workspaceId);
    const ctx: MutationContext = {
      actor: { id: user.id, role: user.role },
      now: Date.now(),
      clientId: ClientId.parse(request.clientId),
      mutationId: mutation.id,
    };
    const rejection = await applyOne(tx, user, mutation, ctx, version, log, hooks);
    if (rejection) rejections.push(await recordRejection(tx, request, mutation, rejection, ctx.now, version));
    else if (isMutationName(mutation.name))
      committed.push({ workspaceId: user.workspaceId, name: mutation.name, args: mutation.args, ctx });
    audit.push({
      action: auditActionOf(mutation.name),
      detail: {
        clientId: request.clientId,
        mutationId: mutation.id,
        name: mutation.name,
        outcome: rejection ? 'refused' : 'applied',
        code: rejection?.code ?? null,
      },
    });
    last = mutation.id;
  }

  // A change sent again (by its device after a lost answer, or carried over by file) gets its refusal again.
  if (alreadyProcessed.length > 0)
    rejections.unshift(
      ...(await earlierRejections(tx, request.clientId, alreadyProcessed, request.carrierGroupId ?? null)),
    );
  if (version === null) return { lastMutationId: last, stopped, committed, rejections };
  await tx.query('update clients set last_mutation_id = $1, version = $2, last_seen_at = now() where id = $3', [
    last,
    version,
    request.clientId,
  ]);
  await tx.query(
    `insert into audit_log (workspace_id, user_id, action, detail)
     select $1, $2, unnest($3::text[]), unnest($4::jsonb[])`,
    [user.workspaceId, user.id, audit.map((entry) => entry.action), audit.map((entry) => JSON.stringify(entry.detail))],
  );
  await notifyPoke(tx, user.workspaceId, version);
  return { lastMutationId: last, stopped, committed, rejections };
}

/** Runs one mutation inside a savepoint; its effects stay only if it was accepted. */
async function applyOne(
  tx: Sql,
  user: SessionUser,
  mutation: PushedMutation,
  ctx: MutationContext,
  version: number,
  log: FastifyBaseLogger,
  hooks: ServerMutationHooks,
): Promise<MutationRejected | null> {
  await tx.query('savepoint mutation');
  try {
    const mutatorTx = serverMutatorTx(tx, user.workspaceId, version);
    await runMutation(mutatorTx, mutation.name, mutation.args, ctx);
    await runServerPart(hooks, {
      tx,
      mutatorTx,
      workspaceId: user.workspaceId,
      name: mutation.name,
      args: mutation.args,
      ctx,
    });
    await tx.query('release savepoint mutation');
    return null;
  } catch (error) {
    const rejection = asPermanentRejection(error, mutation, log);
    if (!rejection) throw error; // transient (e.g. the database): the client retries the push
    await tx.query('rollback to savepoint mutation');
    return rejection;
  }
}

async function recordRejection(
  tx: Sql,
  request: PushRequest,
  mutation: PushedMutation,
  rejection: MutationRejected,
  at: number,
  version: number,
): Promise<MutationRejection> {
  await tx.query(
    `insert into mutation_rejections
       (client_group_id, client_id, mutation_id, name, code, message, rejected_at, version, subject, resolutions, carrier_group_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11)`,
    [
      request.clientGroupId,
      request.clientId,
      mutation.id,
      mutation.name,
      rejection.code,
      rejection.message.slice(0, 1_000),
      at,
      version,
      JSON.stringify(rejection.subject),
      JSON.stringify(rejection.resolutions),
      request.carrierGroupId ?? null,
    ],
  );
  return rejectionFromRecord({
    client_id: request.clientId,
    mutation_id: mutation.id,
    name: mutation.name,
    code: rejection.code,
    message: rejection.message.slice(0, 1_000),
    rejected_at: at,
    subject: rejection.subject,
    resolutions: rejection.resolutions,
  });
}

/**
 * Refusals of changes processed before. A device carrying another's changes
 * (from its export file) becomes their carrier too, unless one is recorded: the
 * changes may have been pushed by their own device, whose answer was lost before
 * it broke, and the carrier must hear of them again after a fresh download
 * (pulls deliver refusals by client group or carrier, and a `clear` wipes what
 * only a push answer brought).
 */
async function earlierRejections(
  tx: Sql,
  clientId: string,
  mutationIds: number[],
  carrierGroupId: string | null,
): Promise<MutationRejection[]> {
  if (carrierGroupId !== null) {
    await tx.query(
      `update mutation_rejections set carrier_group_id = $3
        where client_id = $1 and mutation_id = any($2::int8[]) and carrier_group_id is null`,
      [clientId, mutationIds, carrierGroupId],
    );
  }
  const records = await tx.query<RejectionRecord>(
    `select ${REJECTION_COLUMNS} from mutation_rejections
      where client_id = $1 and mutation_id = any($2::int8[]) order by mutation_id`,
    [clientId, mutationIds],
  );
  return records.map(rejectionFromRecord);
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
  if (isPostgresDataError(error)) {
    return new MutationRejected(
      'invalid',
      `The change "${mutation.name}" contains characters or values the database cannot store.`,
    );
  }
  if (error instanceof ZodError) {
    log.error({ err: error, mutation: mutation.name }, 'mutator produced an invalid row');
    return new MutationRejected(
      'invalid',
      `The server could not apply "${mutation.name}" (an internal error was logged).`,
    );
  }
  return null;
}
