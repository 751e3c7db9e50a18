import { activeOutbound } from '../mail-settings.ts';
import type { MailSettingsStore } from '../mail-settings-store.ts';
import { outboundMessageId } from '../message-ids.ts';
import type { ServerPartContext } from '../../sync/server-mutations.ts';
import { enqueueReply } from './mail-outbox.ts';

/**
 * The server's part of `addMessage`: a public reply is queued for email in
 * the same transaction that stores it, and its row says "queued" from the
 * first moment every app sees it. Notes and teams without email queue nothing.
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
    await enqueueReply(
      tx,
      {
        workspaceId,
        messageId,
        ticketId,
        rfcMessageId: outboundMessageId(messageId, workspaceId, outbound.from.email),
        toEmail: ticket.requesterEmail,
      },
      ctx.now,
    );
    await mutatorTx.put('message', { ...message, delivery: { state: 'queued', at: ctx.now } });
  };
}
