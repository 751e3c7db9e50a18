import type { Database, Sql } from '../../db/database.ts';
import { writeDelivery } from '../message-delivery.ts';

/** One reply on its way out; the row's primary key (team, message) makes a second enqueue a no-op. */
export interface OutboxRow {
  workspaceId: string;
  messageId: string;
  ticketId: string;
  rfcMessageId: string;
  toEmail: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
}

interface RawRow {
  workspace_id: string;
  message_id: string;
  ticket_id: string;
  rfc_message_id: string;
  to_email: string;
  state: OutboxRow['state'];
  attempts: number;
  last_error: string | null;
}

const fromRaw = (row: RawRow): OutboxRow => ({
  workspaceId: row.workspace_id,
  messageId: row.message_id,
  ticketId: row.ticket_id,
  rfcMessageId: row.rfc_message_id,
  toEmail: row.to_email,
  state: row.state,
  attempts: Number(row.attempts),
  lastError: row.last_error,
});

/** Queues a reply in the transaction that stores it: a reply that exists is a reply that will be sent. */
export async function enqueueReply(
  tx: Sql,
  row: Pick<OutboxRow, 'workspaceId' | 'messageId' | 'ticketId' | 'rfcMessageId' | 'toEmail'>,
  now: number,
): Promise<void> {
  await tx.query(
    `insert into mail_outbox (workspace_id, message_id, ticket_id, rfc_message_id, to_email, state, next_attempt_at, created_at)
     values ($1, $2, $3, $4, $5, 'queued', $6, $6) on conflict (workspace_id, message_id) do nothing`,
    [row.workspaceId, row.messageId, row.ticketId, row.rfcMessageId, row.toEmail, now],
  );
  await tx.query(
    `insert into mail_threads (workspace_id, rfc_message_id, ticket_id, message_id, direction, at)
     values ($1, $2, $3, $4, 'out', $5) on conflict (workspace_id, rfc_message_id) do nothing`,
    [row.workspaceId, row.rfcMessageId, row.ticketId, row.messageId, now],
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

/** The workspace row first, as every writer takes it, then the outbox row under this claim only. */
const CLAIMED = `workspace_id = $1 and message_id = $2 and state = 'sending' and attempts = $3`;

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
      `select workspace_id, message_id, ticket_id, rfc_message_id, to_email, state, attempts, last_error
       from mail_outbox
       where workspace_id = $1 and state in ('queued', 'sending') and next_attempt_at <= $2
       order by next_attempt_at, message_id limit $3 for update skip locked`,
      [workspaceId, now, limit],
    );
    const claimed: ClaimedRow[] = [];
    for (const raw of rows) {
      await tx.query(
        `update mail_outbox set state = 'sending', attempts = attempts + 1, next_attempt_at = $3
         where workspace_id = $1 and message_id = $2`,
        [workspaceId, raw.message_id, now + leaseMs],
      );
      claimed.push({ ...fromRaw(raw), attempts: Number(raw.attempts) + 1, inDoubt: raw.state === 'sending' });
    }
    return claimed;
  });
}

/**
 * `serverMessageId`: the id the relay gave the mail when it replaced ours (Microsoft 365 and
 * Amazon SES do); recorded too, so the customer's answer to it still finds the ticket.
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
      `update mail_outbox set state = 'sent', sent_at = $4, last_error = null where ${CLAIMED} returning 1`,
      [row.workspaceId, row.messageId, row.attempts, now],
    );
    if (updated.length === 0) return; // settled meanwhile (its Bcc copy, a bounce): that answer stands
    if (serverMessageId && serverMessageId !== row.rfcMessageId) {
      await tx.query(
        `insert into mail_threads (workspace_id, rfc_message_id, ticket_id, message_id, direction, at)
         values ($1, $2, $3, $4, 'out', $5) on conflict (workspace_id, rfc_message_id) do nothing`,
        [row.workspaceId, serverMessageId, row.ticketId, row.messageId, now],
      );
    }
    await writeDelivery(tx, row.workspaceId, row.messageId, { state: 'sent', at: now });
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
      `update mail_outbox set state = $4, next_attempt_at = $5, last_error = $6 where ${CLAIMED} returning 1`,
      [row.workspaceId, row.messageId, row.attempts, inDoubt ? 'sending' : 'queued', retryAt, reason],
    );
    if (updated.length === 0) return;
    await writeDelivery(tx, row.workspaceId, row.messageId, { state: 'queued', at: now, reason: reason.slice(0, 500) });
  });
}

export async function markFailed(db: Database, row: ClaimedRow, reason: string, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    await lockWorkspace(tx, row.workspaceId);
    const updated = await tx.query(
      `update mail_outbox set state = 'failed', last_error = $4 where ${CLAIMED} returning 1`,
      [row.workspaceId, row.messageId, row.attempts, reason],
    );
    if (updated.length === 0) return;
    await writeDelivery(tx, row.workspaceId, row.messageId, { state: 'failed', at: now, reason: reason.slice(0, 500) });
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

export async function queueCounts(sql: Sql, workspaceId: string): Promise<{ waiting: number; failed: number }> {
  const [row] = await sql.query<{ waiting: string | number; failed: string | number }>(
    `select count(*) filter (where state in ('queued', 'sending')) as waiting,
            count(*) filter (where state = 'failed') as failed
     from mail_outbox where workspace_id = $1`,
    [workspaceId],
  );
  return { waiting: Number(row?.waiting ?? 0), failed: Number(row?.failed ?? 0) };
}
