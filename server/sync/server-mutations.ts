import type { FastifyBaseLogger } from 'fastify';
import type { MutationContext, MutatorTx } from '#shared/sync/mutator';
import { type MutationName, isMutationName } from '#shared/sync/mutators/registry';
import { MutationRejected } from '#shared/sync/rejection';
import type { Sql } from '../db/database.ts';
import { canSignIn } from '../accounts/can-sign-in.ts';

/** What a server-only part of a mutator may use, inside the push transaction. */
export interface ServerPartContext {
  tx: Sql;
  mutatorTx: MutatorTx;
  workspaceId: string;
  name: string;
  args: unknown;
  ctx: MutationContext;
}

/** A mutation that committed, for post-commit side effects. */
export interface CommittedMutation {
  workspaceId: string;
  name: MutationName;
  args: unknown;
  ctx: MutationContext;
}

/**
 * The server's own additions to shared mutators, by mutation name:
 *  - `serverOnly` runs after the shared mutator, in the same savepoint, with
 *    what only the server knows (accounts, secrets); throwing MutationRejected
 *    rejects the mutation like the shared rules do;
 *  - `afterCommit` runs once the change is durable, for side effects that must
 *    not happen for a change that rolled back (notifications, later email).
 */
export interface ServerMutationHooks {
  serverOnly: Partial<Record<MutationName, (part: ServerPartContext) => Promise<void>>>;
  afterCommit: (committed: CommittedMutation, log: FastifyBaseLogger) => void;
}

export async function runServerPart(hooks: ServerMutationHooks, part: ServerPartContext): Promise<void> {
  if (!isMutationName(part.name)) return;
  await hooks.serverOnly[part.name]?.(part);
}

/**
 * A ticket goes only to someone who can sign in (a lead assigning, an agent
 * handing theirs over at the end of a shift): the member list
 * clients hold may lag behind the accounts table, which only the server sees.
 */
async function assigneeHasAccount({ tx, workspaceId, args }: ServerPartContext): Promise<void> {
  const assigneeId = (args as { assigneeId?: unknown }).assigneeId;
  if (typeof assigneeId !== 'string') return;
  if (!(await canSignIn(tx, workspaceId, assigneeId))) {
    throw new MutationRejected('invalid', 'That teammate no longer has an account on this server.');
  }
}

/** A handover goes only to someone who can sign in to acknowledge it; else it would wait forever. */
async function receiverHasAccount({ tx, workspaceId, args }: ServerPartContext): Promise<void> {
  const toUserId = (args as { toUserId?: unknown }).toUserId;
  if (typeof toUserId !== 'string') return;
  if (!(await canSignIn(tx, workspaceId, toUserId))) {
    throw new MutationRejected(
      'invalid',
      'That teammate can no longer sign in, so they could not acknowledge it. Choose someone else.',
    );
  }
}

export const SERVER_ONLY_PARTS: ServerMutationHooks['serverOnly'] = {
  assignTicket: assigneeHasAccount,
  handOverTicket: assigneeHasAccount,
  submitHandover: receiverHasAccount,
};
