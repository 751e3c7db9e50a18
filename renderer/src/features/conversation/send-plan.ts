import type { MacroActions } from '#shared/domain/macro';
import type { AgentMessageKind } from '#shared/domain/message';
import type { Ticket } from '#shared/domain/ticket';
import { macroChanges } from '#shared/macros/macro-changes';
import { openSlotsIn } from '#shared/macros/render-macro';
import type { BatchChange } from '../../sync/mutate.ts';

/** Why a message cannot go yet, in words the composer shows. */
export type SendBlock = { kind: 'empty' } | { kind: 'openSlots'; slots: string[] };

/**
 * What stops a send before anything is written: an empty message, or a reply
 * that still has `{{…}}` slots from a macro (the customer would see the
 * braces). A note is for the team, so its slots may stay as reminders. On a
 * ticket with merged duplicates the requester's variables are filled for each
 * requester's copy by the server (`perRecipient`).
 */
export function sendBlock(
  kind: AgentMessageKind,
  body: string,
  options: { perRecipient?: boolean } = {},
): SendBlock | null {
  if (body.trim() === '') return { kind: 'empty' };
  if (kind === 'reply') {
    const slots = openSlotsIn(body, options);
    if (slots.length > 0) return { kind: 'openSlots', slots };
  }
  return null;
}

/** A message id drawn on this device, so the message keeps its identity through the outbox and rebases. */
export function newMessageId(random: () => string = () => crypto.randomUUID().replaceAll('-', '')): string {
  return `msg_${random()}`;
}

/**
 * The changes one send makes, as one batch: the message first, then the
 * macro's ticket changes (only what differs from the ticket as it is).
 */
export function sendChanges(
  ticket: Ticket,
  message: { messageId: string; kind: AgentMessageKind; body: string },
  actions: MacroActions | undefined,
  actorId: string,
): BatchChange[] {
  const addMessage: BatchChange<'addMessage'> = {
    name: 'addMessage',
    args: { messageId: message.messageId, ticketId: ticket.id, kind: message.kind, body: message.body },
  };
  return [addMessage, ...(actions ? macroChanges(ticket, actions, actorId) : [])];
}
