import type { Database, Sql } from '../../db/database.ts';
import { refreshDelivery } from './copy-delivery.ts';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

/**
 * One copy of a reply on its way out: a reply goes to each of its requesters
 * as their own mail. The row's key (team, message, recipient) makes a second
 * enqueue of the same copy a no-op; each copy has its own Message-ID.
 */
export interface OutboxRow {
  workspaceId: string;
  messageId: string;
  /** The reply's ticket. */
  ticketId: string;
  /** The ticket whose thread this copy continues (the requester's own; the reply's ticket for its requester). */
  threadTicketId: string;
  /** Lowercased address: the copy's key. */
  recipient: string;
  rfcMessageId: string;
  toEmail: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
}

interface RawRow {
  workspace_id: string;
  message_id: string;
  ticket_id: string;
  thread_ticket_id: string;
  recipient: string;
  rfc_message_id: string;
  to_email: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
}

const COLUMNS = `workspace_id, message_id, ticket_id, thread_ticket_id, recipient, rfc_message_id, to_email, state, attempts, last_error`;

const fromRaw = (row: RawRow): OutboxRow => ({
  workspaceId: row.workspace_id,
  messageId: row.message_id,
  ticketId: row.ticket_id,
  threadTicketId: row.thread_ticket_id,
  recipient: row.recipient,
  rfcMessageId: row.rfc_message_id,
  toEmail: row.to_email,
  state: row.state,
  attempts: Number(row.attempts),
  lastError: row.last_error,
});

/** One copy to queue: who gets it, in which thread, under which Message-ID. */
export type QueuedCopy = Pick<OutboxRow, 'threadTicketId' | 'recipient' | 'rfcMessageId' | 'toEmail'>;

/**
 * Queues every copy of a reply in the transaction that stores it: a reply
 * that exists is a reply that will be sent, to each of its requesters. Each
 * copy's Message-ID is recorded in its own ticket's thread, so the requester's
 * answer finds that ticket (and, through its merge, the reply's).
 */
export async function enqueueReplyCopies(
  tx: Sql,
  reply: Pick<OutboxRow, 'workspaceId' | 'messageId' | 'ticketId'>,
  copies: readonly QueuedCopy[],
  now: number,
): Promise<void> {
  if (copies.length === 0) return;
  const threads = copies.map((copy) => copy.threadTicketId);
  const rfcIds = copies.map((copy) => copy.rfcMessageId);
  await tx.query(
    `insert into mail_outbox
       (workspace_id, message_id, ticket_id, thread_ticket_id, recipient, rfc_message_id, to_email, state, next_attempt_at, created_at)
     select $1, $2, $3, copy.thread, copy.recipient, copy.rfc, copy.email, 'queued', $4, $4
     from unnest($5::text[], $6::text[], $7::text[], $8::text[]) as copy(thread, recipient, rfc, email)
     on conflict do nothing`,
    [
      reply.workspaceId,
      reply.messageId,
      reply.ticketId,
      now,
      threads,
      copies.map((copy) => copy.recipient),
      rfcIds,
      copies.map((copy) => copy.toEmail),
    ],
  );
  await tx.query(
    `insert into mail_threads (workspace_id, rfc_message_id, ticket_id, message_id, direction, at)
     select $1, copy.rfc, copy.thread, $2, 'out', $3 from unnest($4::text[], $5::text[]) as copy(rfc, thread)
     on conflict (workspace_id, rfc_message_id) do nothing`,
    [reply.workspaceId, reply.messageId, now, rfcIds, threads],
  );
}

/**
 * A claimed row, and whether an earlier attempt may already have gone out
 * (cut off by a crash, or failed in a way that does not say whether the relay
 * took the mail). Its `attempts` is the lease token: a settle only applies
 * while the row is still `sending` under this claim.
 */
export interface ClaimedRow extends OutboxRow {
  inDoubt: boolean;
}

/** The workspace row first, as every writer takes it, then this copy's row under this claim only. */
const CLAIMED = `workspace_id = $1 and message_id = $2 and recipient = $3 and state = 'sending' and attempts = $4`;
const claimParams = (row: ClaimedRow) => [row.workspaceId, row.messageId, row.recipient, row.attempts];

async function lockWorkspace(tx: Sql, workspaceId: string): Promise<void> {
  await tx.query('select 1 from workspaces where id = $1 for update', [workspaceId]);
}

/**
 * Takes due rows and marks them `sending` before any byte goes out, with a
 * lease: if this process dies mid-send, the row stays `sending` until the
 * lease ends, and whoever claims it then knows the mail may already be out.
 * `skip locked` lets several servers share one queue without taking the same row.
 */
export async function claimDue(
  db: Database,
  workspaceId: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<ClaimedRow[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<RawRow>(
      `select ${COLUMNS}
       from mail_outbox
       where workspace_id = $1 and state in ('queued', 'sending') and next_attempt_at <= $2
       order by next_attempt_at, message_id, recipient limit $3 for update skip locked`,
      [workspaceId, now, limit],
    );
    const claimed: ClaimedRow[] = [];
    for (const raw of rows) {
      await tx.query(
        `update mail_outbox set state = 'sending', attempts = attempts + 1, next_attempt_at = $4
         where workspace_id = $1 and message_id = $2 and recipient = $3`,
        [workspaceId, raw.message_id, raw.recipient, now + leaseMs],
      );
      claimed.push({ ...fromRaw(raw), attempts: Number(raw.attempts) + 1, inDoubt: raw.state === 'sending' });
    }
    return claimed;
  });
}

/**
 * `serverMessageId`: the id the relay gave the mail when it replaced ours (Microsoft 365 and
 * Amazon SES do); recorded too, in this copy's thread, so the requester's answer to it still finds the ticket.
 */
export async function markSent(
  db: Database,
  row: ClaimedRow,
  now: number,
  serverMessageId?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockWorkspace(tx, row.workspaceId);
    const updated = await tx.query(
      `update mail_outbox set state = 'sent', sent_at = $5, last_error = null where ${CLAIMED} returning 1`,
      [...claimParams(row), now],
    );
    if (updated.length === 0) return; // settled meanwhile (its Bcc copy, a bounce): that answer stands
    if (serverMessageId && serverMessageId !== row.rfcMessageId) {
      await tx.query(
        `insert into mail_threads (workspace_id, rfc_message_id, ticket_id, message_id, direction, at)
         values ($1, $2, $3, $4, 'out', $5) on conflict (workspace_id, rfc_message_id) do nothing`,
        [row.workspaceId, serverMessageId, row.threadTicketId, row.messageId, now],
      );
    }
    await refreshDelivery(tx, row.workspaceId, row.messageId, now);
  });
}

/**
 * A failure the mail server may get over: tried again at `retryAt`, and the agent sees why it is late.
 * `inDoubt`: the mail may have left anyway, so the row stays `sending` and the next attempt first
 * looks for its copy in the team mailbox; otherwise it is plainly queued again.
 */
export async function markRetry(
  db: Database,
  row: ClaimedRow,
  reason: string,
  retryAt: number,
  now: number,
  inDoubt: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockWorkspace(tx, row.workspaceId);
    const updated = await tx.query(
      `update mail_outbox set state = $5, next_attempt_at = $6, last_error = $7 where ${CLAIMED} returning 1`,
      [...claimParams(row), inDoubt ? 'sending' : 'queued', retryAt, reason],
    );
    if (updated.length === 0) return;
    await refreshDelivery(tx, row.workspaceId, row.messageId, now);
  });
}

export async function markFailed(db: Database, row: ClaimedRow, reason: string, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    await lockWorkspace(tx, row.workspaceId);
    const updated = await tx.query(
      `update mail_outbox set state = 'failed', last_error = $5 where ${CLAIMED} returning 1`,
      [...claimParams(row), reason],
    );
    if (updated.length === 0) return;
    await refreshDelivery(tx, row.workspaceId, row.messageId, now);
  });
}

/** The earliest time a queued row is due, to sleep until then. */
export async function nextDueAt(db: Database, workspaceId: string): Promise<number | null> {
  const [row] = await db.query<{ at: string | number | null }>(
    `select min(next_attempt_at) as at from mail_outbox where workspace_id = $1 and state in ('queued', 'sending')`,
    [workspaceId],
  );
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

/** Mails (one per copy of a reply) waiting to go out, and failed for good. */
export async function queueCounts(sql: Sql, workspaceId: string): Promise<{ waiting: number; failed: number }> {
  const [row] = await sql.query<{ waiting: string | number; failed: string | number }>(
    `select count(*) filter (where state in ('queued', 'sending')) as waiting,
            count(*) filter (where state = 'failed') as failed
     from mail_outbox where workspace_id = $1`,
    [workspaceId],
  );
  return { waiting: Number(row?.waiting ?? 0), failed: Number(row?.failed ?? 0) };
}
