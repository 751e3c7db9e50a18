import type { SessionUser } from '#shared/api/auth';
import type { MacroActions } from '#shared/domain/macro';
import type { AgentMessageKind } from '#shared/domain/message';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { mutateBatch } from '../../sync/mutate.ts';
import { discardDraft, readDraft } from './drafts.ts';
import { newMessageId, sendChanges } from './send-plan.ts';
import { type ThreadEntry, writtenSince } from './thread.ts';
import { readThread } from './use-thread.ts';

export type SendOutcome =
  /** Saved on this device and in the outbox; `refused` lists the macro's changes the rules turned down. */
  | { kind: 'sent'; messageId: string; refused: string[] }
  /** Someone else wrote since the draft began: nothing was sent. */
  | { kind: 'stale'; since: ThreadEntry[] }
  /** The message itself was refused (a closed ticket, no permission): nothing was sent, the draft stays. */
  | { kind: 'refused'; message: string }
  | { kind: 'gone' };

/**
 * Sends the ticket's draft: the message and the macro's ticket changes as
 * ONE batch (message first), offline or not, after the stale-reply guard.
 * `force` is "send anyway": the agent has seen what was written since.
 */
export async function sendDraft(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  ticketId: string,
  message: { kind: AgentMessageKind; body: string; actions: MacroActions | undefined },
  options: { force?: boolean } = {},
): Promise<SendOutcome> {
  const ticket = await db.rows('ticket').get(ticketId);
  if (!ticket) return { kind: 'gone' };
  if (!options.force) {
    const draft = await readDraft(db, ticketId);
    const since = writtenSince(await readThread(db, ticket), draft?.seenUpTo ?? 0, user.id);
    if (since.length > 0) return { kind: 'stale', since };
  }
  const messageId = newMessageId();
  const changes = sendChanges(ticket, { messageId, kind: message.kind, body: message.body }, message.actions, user.id);
  try {
    // One transaction around the batch and the draft: a refused message rolls the macro's changes back
    // with it, and a crash can never leave both the sent message and its draft (a second send).
    const outcome = await db.transaction('rw', db.syncTables(), async () => {
      const batch = await mutateBatch(db, user, changes);
      const refusedMessage = batch.refused.find((refusal) => refusal.index === 0);
      if (refusedMessage) throw new MessageRefused(refusedMessage.message);
      await discardDraft(db, ticketId);
      return batch;
    });
    return {
      kind: 'sent',
      messageId,
      refused: outcome.refused.map((refusal) => `${describeChange(changes[refusal.index]?.name)}: ${refusal.message}`),
    };
  } catch (error) {
    if (error instanceof MessageRefused) return { kind: 'refused', message: error.message };
    throw error;
  }
}

class MessageRefused extends Error {
  override name = 'MessageRefused';
}

const CHANGE_NAMES: Record<string, string> = {
  setStatus: 'Setting the status',
  setPriority: 'Setting the priority',
  addTag: 'Adding a tag',
  removeTag: 'Removing a tag',
  claimTicket: 'Assigning it to you',
  releaseTicket: 'Releasing it',
  assignTicket: 'Reassigning it',
};

function describeChange(name: string | undefined): string {
  return (name && CHANGE_NAMES[name]) ?? 'A change';
}
