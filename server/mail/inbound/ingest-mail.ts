import { IntakeTicketRequest } from '#shared/api/intake';
import { MessageId, TicketId } from '#shared/domain/ids';
import type { Ticket } from '#shared/domain/ticket';
import { saveCursor } from './save-cursor.ts';
import type { Database, Sql } from '../../db/database.ts';
import { newId } from '../../db/new-id.ts';
import { addCustomerMessageToTicket } from '../../intake/add-customer-message.ts';
import { createIntakeTicket } from '../../intake/create-intake-ticket.ts';
import { followMerge } from '../../tickets/follow-merge.ts';
import type { MailTuning } from '../mail-env.ts';
import { ourMessageId } from '../message-ids.ts';
import { settleBounce, settleOwnCopy } from '../outbound/settle-delivery.ts';
import { findThread } from './find-thread.ts';
import type { InboundMail } from './inbound-mail.ts';
import { storeAttachments } from './store-attachments.ts';

export type IngestOutcome = 'created' | 'added' | 'held' | 'bounce' | 'own' | 'duplicate';

export interface IngestResult {
  outcome: IngestOutcome;
  ticketId: string | null;
  reason: string | null;
}

export interface IngestSource {
  /** `imap:<uidvalidity>:<uid>` or `smtp:<sha256>`: one delivery, ingested once. */
  key: string;
  /** The mail's bytes when no mailbox keeps a copy (the SMTP listener): kept if the mail is held. */
  raw?: Buffer;
  /** The IMAP progress to record with this mail, in the same transaction. */
  cursor?: { mailbox: string; uidValidity: string; uid: number; importUntil: number | null };
}

export interface IngestOptions {
  tuning: Pick<MailTuning, 'senderLimitPerHour'>;
  /** The team's own addresses (from address, mailbox user): mail from them is a loop, not a customer. */
  ownAddresses: readonly string[];
  now: number;
}

const HOUR = 3_600_000;

/**
 * Turns one parsed mail into work, in one transaction with its record (and
 * the IMAP cursor), so a crash either keeps both or neither:
 *  - our own mail coming back (the Bcc copy, a forwarding loop) settles a send, nothing more;
 *  - a bounce marks the reply it bounces as failed;
 *  - a machine's mail (autoresponder, list) joins its ticket without reopening it, or is held;
 *  - a sender over the hourly limit is held (a flood, or a loop we did not recognise);
 *  - a reply joins its ticket (threading), reopening it when it waited on the customer;
 *  - anything else opens a new ticket, the customer found or created by address.
 * Held mail is listed for admins and stays in the mailbox: nothing is lost.
 */
export async function ingestMail(
  db: Database,
  workspaceId: string,
  source: IngestSource,
  mail: InboundMail,
  options: IngestOptions,
): Promise<IngestResult> {
  return db.transaction(async (tx) => {
    await tx.query('select 1 from workspaces where id = $1 for update', [workspaceId]);
    const result = await decide(tx, workspaceId, source, mail, options);
    await tx.query(
      `insert into mail_inbound (workspace_id, source_key, rfc_message_id, from_email, subject, received_at, outcome, reason, ticket_id, raw)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (workspace_id, source_key) do nothing`,
      [
        workspaceId,
        source.key,
        mail.messageId,
        mail.from?.email ?? null,
        mail.subject.slice(0, 500),
        options.now,
        result.outcome,
        result.reason,
        result.ticketId,
        result.outcome === 'held' ? (source.raw ?? null) : null,
      ],
    );
    if (source.cursor) {
      await saveCursor(tx, workspaceId, source.cursor);
    }
    return result;
  });
}

const held = (reason: string, ticketId: string | null = null): IngestResult => ({ outcome: 'held', ticketId, reason });

async function decide(
  tx: Sql,
  workspaceId: string,
  source: IngestSource,
  mail: InboundMail,
  options: IngestOptions,
): Promise<IngestResult> {
  const [seen] = await tx.query('select 1 from mail_inbound where workspace_id = $1 and source_key = $2', [
    workspaceId,
    source.key,
  ]);
  if (seen) return { outcome: 'duplicate', ticketId: null, reason: 'this delivery was already read' };

  const ours = mail.messageId ? ourMessageId(mail.messageId) : null;
  if (ours && ours.workspaceId === workspaceId) {
    const ticketId = await settleOwnCopy(tx, workspaceId, ours, options.now);
    return { outcome: 'own', ticketId, reason: 'a copy of a reply we sent' };
  }
  if (mail.bounce) {
    const original = mail.bounce.originalMessageId ? ourMessageId(mail.bounce.originalMessageId) : null;
    if (original && original.workspaceId === workspaceId) {
      const settled = await settleBounce(tx, workspaceId, original, mail.bounce, options.now);
      if (settled && !settled.applied) {
        return held(
          `a bounce for ${mail.bounce.recipient ?? 'another address'}, not the customer: ${mail.bounce.reason}`,
          settled.ticketId,
        );
      }
      return { outcome: 'bounce', ticketId: settled?.ticketId ?? null, reason: mail.bounce.reason };
    }
    return held(`a bounce of mail Shiftdesk did not send: ${mail.bounce.reason}`);
  }
  if (!mail.from) return held('the mail has no sender address to answer');
  const sender = mail.from.email.toLowerCase();
  if (options.ownAddresses.some((address) => address.toLowerCase() === sender)) {
    return held("sent from the team's own address (a forwarding loop)");
  }
  if (mail.messageId) {
    const [known] = await tx.query<{ ticket_id: string }>(
      `select ticket_id from mail_threads where workspace_id = $1 and rfc_message_id = $2 and direction = 'in'`,
      [workspaceId, mail.messageId],
    );
    if (known) return { outcome: 'duplicate', ticketId: known.ticket_id, reason: 'the same mail arrived twice' };
  }

  // The requester's own thread: a merged ticket's requester answers the copy we sent into their thread.
  const thread = await findThread(tx, workspaceId, mail);
  // A merged ticket is closed, and the flood is worked and answered on the ticket it went into: the
  // answer lands there (reopening it, if it waited on the customer). Filed by the duplicate's own
  // status, it would open yet another ticket for a conversation that is still going on.
  const ticket = thread ? await followMerge(tx, workspaceId, thread) : null;
  const open = ticket && ticket.status !== 'closed' ? ticket : null;
  const threadId = thread?.id ?? null;
  if (mail.automatic) {
    if (!open) return held(`automatic mail (${mail.automatic}) that answers no open ticket`);
    return addToTicket(tx, workspaceId, open, threadId, mail, options.now, mail.automatic);
  }
  const [recent] = await tx.query<{ count: string | number }>(
    `select count(*) as count from mail_inbound
     where workspace_id = $1 and from_email = $2 and received_at > $3 and outcome in ('created', 'added')`,
    [workspaceId, sender, options.now - HOUR],
  );
  if (Number(recent?.count ?? 0) >= options.tuning.senderLimitPerHour) {
    return held(`more than ${options.tuning.senderLimitPerHour} mails in an hour from this sender`, open?.id ?? null);
  }
  if (open) return addToTicket(tx, workspaceId, open, threadId, mail, options.now, undefined);
  return createTicket(tx, workspaceId, mail, options.now);
}

/** What the agent reads: the text, and a line for anything that had to be repaired. */
function bodyOf(mail: InboundMail): string {
  if (mail.problems.length === 0) return mail.text;
  return `${mail.text}\n\n— ${mail.problems.join(' ')}`.slice(0, 100_000);
}

async function recordThread(
  tx: Sql,
  workspaceId: string,
  mail: InboundMail,
  ticketId: string,
  messageId: string | null,
  now: number,
): Promise<void> {
  if (!mail.messageId) return;
  await tx.query(
    `insert into mail_threads (workspace_id, rfc_message_id, ticket_id, message_id, direction, at)
     values ($1, $2, $3, $4, 'in', $5) on conflict (workspace_id, rfc_message_id) do nothing`,
    [workspaceId, mail.messageId, ticketId, messageId, now],
  );
}

/**
 * Files the mail on `ticket` (canonical, when the thread's ticket was merged).
 * Its Message-ID joins `threadId`'s mail thread, the requester's own: our next
 * copy to them answers it, and no other requester's copy ever lists it.
 */
async function addToTicket(
  tx: Sql,
  workspaceId: string,
  ticket: Ticket,
  threadId: string | null,
  mail: InboundMail,
  now: number,
  automatic: string | undefined,
): Promise<IngestResult> {
  const from = mail.from ?? { email: ticket.requesterEmail };
  const messageId = MessageId.parse(newId('msg_'));
  const attachments = await storeAttachments(
    tx,
    workspaceId,
    { ticketId: ticket.id, messageId },
    mail.attachments,
    now,
  );
  await addCustomerMessageToTicket(
    tx,
    workspaceId,
    ticket.id,
    { body: bodyOf(mail), from: { email: from.email, ...(from.name ? { name: from.name } : {}) } },
    now,
    { messageId, attachments, ...(automatic !== undefined ? { automatic } : {}) },
  );
  await recordThread(tx, workspaceId, mail, threadId ?? ticket.id, messageId, now);
  return { outcome: 'added', ticketId: ticket.id, reason: automatic ?? null };
}

async function createTicket(tx: Sql, workspaceId: string, mail: InboundMail, now: number): Promise<IngestResult> {
  const from = mail.from;
  if (!from) return held('the mail has no sender address to answer');
  const request = IntakeTicketRequest.parse({
    subject: mail.subject || '(no subject)',
    body: bodyOf(mail),
    requester: { email: from.email, ...(from.name ? { name: from.name.slice(0, 200) } : {}) },
    channel: 'email',
  });
  const ticketId = TicketId.parse(newId('tkt_'));
  const attachments = await storeAttachments(tx, workspaceId, { ticketId, messageId: null }, mail.attachments, now);
  const { ticket } = await createIntakeTicket(tx, workspaceId, request, now, undefined, { ticketId, attachments });
  await recordThread(tx, workspaceId, mail, ticket.id, null, now);
  return { outcome: 'created', ticketId: ticket.id, reason: null };
}
