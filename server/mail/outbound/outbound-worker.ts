import type { FromAddress, MailChannelStatus } from '#shared/api/mail';
import type { Database } from '../../db/database.ts';
import type { MailTuning } from '../mail-env.ts';
import type { StoredSmtpServer } from '../mail-settings.ts';
import { classifySmtpError } from './classify-smtp-error.ts';
import { type ComposedMail, composeReply } from './compose-reply.ts';
import { type ClaimedRow, claimDue, markFailed, markRetry, markSent, nextDueAt } from './mail-outbox.ts';
import { replyInputFor } from './reply-input.ts';
import { MAX_ATTEMPTS, gaveUpReason, nextAttemptDelayMs } from './retry-schedule.ts';
import { type SentReply, type SmtpTransport, createSmtpTransport, sendComposed } from './smtp-transport.ts';

export interface OutboundWorkerOptions {
  db: Database;
  workspaceId: string;
  smtp: StoredSmtpServer;
  from: FromAddress;
  tuning: MailTuning;
  /**
   * Did a reply with this Message-ID reach the team mailbox (its Bcc copy)?
   * How a send cut off by a crash is settled without sending it twice; null
   * when the team has no IMAP mailbox, and such a send goes out again.
   */
  findSentCopy: ((rfcMessageId: string) => Promise<boolean>) | null;
  onStatus: (status: MailChannelStatus) => void;
  log: { warn: (object: object, message: string) => void };
}

/** One row per claim: its lease then covers one send, however slow the server is. */
const BATCH = 1;
/** The longest sleep with nothing due: a reply from another server instance is picked up by then. */
const IDLE_MS = 30_000;

/**
 * Sends the team's queued replies, one at a time over a pooled SMTP
 * connection. Each row is claimed (`sending`) before its mail goes out and
 * settled after, so a crash at any point leaves it either unsent (sent on the
 * next pass) or in doubt (settled by looking for its copy in the mailbox).
 */
export class OutboundWorker {
  private transport: SmtpTransport | null = null;
  private stopped = true;
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: OutboundWorkerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.transport = createSmtpTransport(this.options.smtp);
    this.running = this.loop();
  }

  /** A reply was queued: look now instead of at the next timer. */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.transport?.close();
    this.transport = null;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let sent = 0;
      try {
        sent = await this.pass();
      } catch (error) {
        this.options.log.warn({ err: error }, 'email: the outbound queue could not be read');
        this.status('error', `The outbound queue could not be read: ${String(error)}`);
      }
      if (sent === 0 && !this.stopped) await this.sleep();
    }
  }

  private async sleep(): Promise<void> {
    const due = await nextDueAt(this.options.db, this.options.workspaceId).catch(() => null);
    const wait = due === null ? IDLE_MS : Math.min(IDLE_MS, Math.max(0, due - Date.now()));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, wait);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = null;
  }

  private async pass(): Promise<number> {
    const { db, workspaceId, tuning } = this.options;
    const claimed = await claimDue(db, workspaceId, Date.now(), tuning.inDoubtMs, BATCH);
    for (const row of claimed) {
      if (this.stopped) break;
      await this.deliver(row);
    }
    return claimed.length;
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    const { db, tuning, findSentCopy } = this.options;
    if (row.inDoubt && findSentCopy) {
      let found: boolean;
      try {
        found = await findSentCopy(row.rfcMessageId);
      } catch (error) {
        // Still in doubt: checked again later, never sent blind.
        const reason = `Could not check the team mailbox for an earlier attempt: ${String(error)}`;
        await markRetry(db, row, reason, Date.now() + tuning.inDoubtMs, Date.now(), true);
        return;
      }
      if (found) {
        await markSent(db, row, Date.now());
        return;
      }
    }
    const input = await replyInputFor(db, row, this.options.from, tuning.bccSelf && findSentCopy !== null);
    if (!input) {
      await markFailed(db, row, 'The reply or its ticket was deleted before it could be sent.', Date.now());
      return;
    }
    let composed: ComposedMail;
    try {
      composed = composeReply(input);
    } catch (error) {
      await markFailed(db, row, error instanceof Error ? error.message : String(error), Date.now());
      return;
    }
    if (!this.transport) return;
    let sent: SentReply;
    try {
      sent = await sendComposed(this.transport, composed);
    } catch (error) {
      const { kind, reason } = classifySmtpError(error, [this.options.smtp.password]);
      this.status('error', reason);
      if (kind === 'permanent') {
        await markFailed(db, row, reason, Date.now());
      } else if (row.attempts >= MAX_ATTEMPTS) {
        await markFailed(db, row, gaveUpReason(reason), Date.now());
      } else {
        // A failure after the relay took the mail looks like any other; with a mailbox to look in, the next attempt checks first.
        const retryAt = Date.now() + nextAttemptDelayMs(row.attempts, tuning.retryBaseMs);
        await markRetry(db, row, reason, retryAt, Date.now(), findSentCopy !== null);
      }
      return;
    }
    // Outside the send's try: a database failure here must not be mistaken for a failed send
    // (the row stays `sending` under its lease and is settled by its copy after a restart).
    if (sent.accepted.length === 0) {
      await markFailed(db, row, `The customer's address was refused: ${sent.response}`, Date.now());
      return;
    }
    await markSent(db, row, Date.now(), sent.serverMessageId);
    this.status('ok', `Sending through ${this.options.smtp.host}:${this.options.smtp.port}`);
  }

  private status(state: MailChannelStatus['state'], detail: string): void {
    this.options.onStatus({ state, at: Date.now(), detail: detail.slice(0, 500) });
  }
}
