import { activeOutbound } from '../mail-settings.ts';
import type { MailSettingsStore } from '../mail-settings-store.ts';
import { outboundMessageId } from '../message-ids.ts';
import type { ServerPartContext } from '../../sync/server-mutations.ts';
import { enqueueReplyCopies } from './mail-outbox.ts';
import { replyCopies } from './reply-copies.ts';

/**
 * The server's part of `addMessage`: a public reply is queued for email in
 * the same transaction that stores it, one copy per recipient the reply
 * recorded (its requester and each merged ticket's, see reply-copies.ts), and
 * its row says "queued" from the first moment every app sees it. Notes and
 * teams without email queue nothing.
 */
export function enqueueReplyPart(store: () => MailSettingsStore) {
  return async ({ tx, mutatorTx, workspaceId, args, ctx }: ServerPartContext): Promise<void> => {
    const { kind, messageId, ticketId } = args as { kind?: unknown; messageId?: unknown; ticketId?: unknown };
    if (kind !== 'reply' || typeof messageId !== 'string' || typeof ticketId !== 'string') return;
    const outbound = activeOutbound((await store().read(tx, workspaceId)).settings);
    if (!outbound) return;
    const message = await mutatorTx.get('message', messageId);
    const ticket = await mutatorTx.get('ticket', ticketId);
    if (!message || !ticket) return;
    const copies = replyCopies(message, ticket).map((copy) => ({
      threadTicketId: copy.threadTicketId,
      recipient: copy.recipient,
      toEmail: copy.email,
      // The requester's copy keeps the id every reply had before merges; a merged requester's names their thread.
      rfcMessageId: outboundMessageId(
        messageId,
        workspaceId,
        outbound.from.email,
        copy.threadTicketId === ticket.id ? undefined : copy.threadTicketId,
      ),
    }));
    await enqueueReplyCopies(tx, { workspaceId, messageId, ticketId: ticket.id }, copies, ctx.now);
    await mutatorTx.put('message', { ...message, delivery: { state: 'queued', at: ctx.now } });
  };
}
