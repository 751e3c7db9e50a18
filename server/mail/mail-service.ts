import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { MailChannelStatus } from '#shared/api/mail';
import type { Database } from '../db/database.ts';
import { type ImapCursor, ImapFetcher } from './inbound/imap-fetcher.ts';
import { holdUnreadable } from './inbound/hold-unreadable.ts';
import { type IngestSource, ingestMail } from './inbound/ingest-mail.ts';
import { parseInboundMail } from './inbound/parse-inbound-mail.ts';
import { startSmtpListener } from './inbound/smtp-listener.ts';
import type { MailEnvConfig } from './mail-env.ts';
import { activeInbound, activeOutbound } from './mail-settings.ts';
import { MailSettingsStore } from './mail-settings-store.ts';
import { OutboundWorker } from './outbound/outbound-worker.ts';

const OFF: MailChannelStatus = { state: 'off', at: null, detail: 'Not set up.' };
/** Mails bigger than this are not downloaded; the record says so and the original stays in the mailbox. */
const MAX_MESSAGE_BYTES = 60 * 1024 * 1024;
const MAX_INGEST_FAILURES = 3;

interface TeamChannel {
  fetcher: ImapFetcher | null;
  worker: OutboundWorker | null;
  inbound: MailChannelStatus;
  outbound: MailChannelStatus;
}

/**
 * Runs each team's email channel: the IMAP fetcher that turns mail into
 * tickets, the worker that sends queued replies, and (from the environment)
 * an SMTP listener. Restarted for a team when an admin changes its settings.
 */
export class MailService {
  private readonly channels = new Map<string, TeamChannel>();
  /** Failed attempts per mail (source key), to hold a mail that can never be stored. */
  private readonly failures = new Map<string, number>();
  private readonly restarts = new Map<string, Promise<void>>();
  private listener: { close: () => Promise<void>; port: number } | null = null;
  private storeValue: MailSettingsStore | null = null;

  constructor(
    private readonly db: Database,
    private readonly env: MailEnvConfig,
    private readonly log: FastifyBaseLogger,
  ) {}

  get store(): MailSettingsStore {
    if (!this.storeValue) throw new Error('MailService.start() has not run');
    return this.storeValue;
  }

  /** The port the SMTP listener took (SHIFTDESK_SMTP_LISTEN_PORT=0 picks a free one), or null. */
  get smtpListenPort(): number | null {
    return this.listener?.port ?? null;
  }

  async start(): Promise<void> {
    const teams = (await this.db.query<{ id: string }>('select id from workspaces order by id')).map((row) => row.id);
    const envTeam = this.env.workspace ?? (teams.length === 1 ? (teams[0] ?? null) : null);
    if (this.env.settings && !envTeam) {
      this.log.error(
        'email: the environment sets a mailbox but this server holds several teams; name one with SHIFTDESK_MAIL_WORKSPACE',
      );
    }
    this.storeValue = new MailSettingsStore(this.env, envTeam);
    for (const team of teams) {
      // One team's damaged settings must not keep the server (and every other team) from starting.
      await this.restart(team).catch((error: unknown) => {
        this.log.error({ err: error, workspaceId: team }, 'email: could not start this team’s email channel');
      });
    }
    if (this.env.smtpListen && envTeam) {
      this.listener = await startSmtpListener({
        ...this.env.smtpListen,
        acceptDomains: this.env.smtpListen.domains,
        maxMessageBytes: MAX_MESSAGE_BYTES,
        // No mailbox keeps a copy of this path's mail: held mail keeps its bytes, and a failure is a 451 the relay retries.
        ingest: (raw) =>
          this.ingestOnce(
            envTeam,
            { key: `smtp:${createHash('sha256').update(raw).digest('hex')}`, raw },
            raw,
            false,
            this.env.settings?.outbound.from ? [this.env.settings.outbound.from.email] : [],
          ),
        log: this.log,
      });
    }
  }

  status(workspaceId: string): { inbound: MailChannelStatus; outbound: MailChannelStatus } {
    const channel = this.channels.get(workspaceId);
    return { inbound: channel?.inbound ?? OFF, outbound: channel?.outbound ?? OFF };
  }

  /** A reply was queued for this team. */
  nudge(workspaceId: string): void {
    this.channels.get(workspaceId)?.worker?.nudge();
  }

  /**
   * (Re)starts a team's channel from its current settings. Restarts of one
   * team run one after another, so two saves at once never leave a channel
   * running that nobody can stop.
   */
  restart(workspaceId: string): Promise<void> {
    const previous = this.restarts.get(workspaceId) ?? Promise.resolve();
    const next = previous.then(() => this.restartNow(workspaceId));
    this.restarts.set(
      workspaceId,
      next.catch(() => undefined),
    );
    return next;
  }

  private async restartNow(workspaceId: string): Promise<void> {
    await this.stopTeam(workspaceId);
    const { settings } = await this.store.read(this.db, workspaceId);
    const imap = activeInbound(settings);
    const outbound = activeOutbound(settings);
    if (!imap && !outbound) return;
    const channel: TeamChannel = {
      fetcher: null,
      worker: null,
      inbound: imap ? { state: 'connecting', at: Date.now(), detail: `Connecting to ${imap.host}` } : OFF,
      outbound: outbound ? { state: 'ok', at: Date.now(), detail: `Ready to send through ${outbound.smtp.host}` } : OFF,
    };
    this.channels.set(workspaceId, channel);
    const { tuning } = this.env;
    if (imap) {
      const ownAddresses = [imap.user, outbound?.from.email].filter((address): address is string => Boolean(address));
      // Progress is per mailbox on a server: another provider's folder of the same name starts afresh.
      const place = `${imap.user}@${imap.host}:${imap.port}/${imap.mailbox}`;
      channel.fetcher = new ImapFetcher({
        server: imap,
        pollMs: settings.inbound.pollSeconds * 1000,
        maxMessageBytes: MAX_MESSAGE_BYTES,
        readCursor: () => this.readCursor(workspaceId, place),
        ingest: async (mail, uidValidity) => {
          await this.ingest(
            workspaceId,
            {
              key: `imap:${place}:${uidValidity}:${mail.uid}`,
              // The fetcher's cursor, not the uid: a first import of unseen mail skips read mail before it.
              cursor: {
                mailbox: place,
                uidValidity: mail.cursor.uidValidity,
                uid: mail.cursor.lastUid,
                importUntil: mail.cursor.importUntil ?? null,
              },
            },
            mail.raw,
            mail.truncated,
            ownAddresses,
          );
        },
        onStatus: (status) => {
          channel.inbound = status;
        },
        log: this.log,
      });
      channel.fetcher.start();
    }
    if (outbound) {
      const fetcher = channel.fetcher;
      channel.worker = new OutboundWorker({
        db: this.db,
        workspaceId,
        smtp: outbound.smtp,
        from: outbound.from,
        tuning,
        findSentCopy: fetcher ? (rfcMessageId) => fetcher.findMessageId(rfcMessageId) : null,
        onStatus: (status) => {
          channel.outbound = status;
        },
        log: this.log,
      });
      channel.worker.start();
    }
  }

  async stop(): Promise<void> {
    await this.listener?.close();
    this.listener = null;
    await Promise.all(this.restarts.values());
    for (const team of [...this.channels.keys()]) await this.stopTeam(team);
  }

  private async stopTeam(workspaceId: string): Promise<void> {
    const channel = this.channels.get(workspaceId);
    this.channels.delete(workspaceId);
    await channel?.fetcher?.stop();
    await channel?.worker?.stop();
  }

  private async readCursor(workspaceId: string, mailbox: string): Promise<ImapCursor | null> {
    const [row] = await this.db.query<{
      uid_validity: string;
      last_uid: string | number;
      import_until: string | number | null;
    }>('select uid_validity, last_uid, import_until from mail_cursors where workspace_id = $1 and mailbox = $2', [
      workspaceId,
      mailbox,
    ]);
    if (!row) return null;
    const cursor: ImapCursor = { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) };
    return row.import_until === null ? cursor : { ...cursor, importUntil: Number(row.import_until) };
  }

  private async ingest(
    workspaceId: string,
    source: IngestSource,
    raw: Buffer,
    truncated: boolean,
    ownAddresses: readonly string[] = [],
  ): Promise<void> {
    try {
      await this.ingestOnce(workspaceId, source, raw, truncated, ownAddresses);
      this.failures.delete(source.key);
    } catch (error) {
      // Failing once is the database or a restart; a mail failing again and again is held, so the rest flow.
      const failures = (this.failures.get(source.key) ?? 0) + 1;
      this.failures.set(source.key, failures);
      this.log.warn({ err: error, source: source.key, failures }, 'email: a mail could not be stored');
      if (failures < MAX_INGEST_FAILURES) throw error;
      this.failures.delete(source.key);
      await holdUnreadable(this.db, workspaceId, source, error, Date.now());
    }
  }

  private async ingestOnce(
    workspaceId: string,
    source: IngestSource,
    raw: Buffer,
    truncated: boolean,
    ownAddresses: readonly string[],
  ): Promise<void> {
    const mail = await parseInboundMail(raw, { attachmentMaxBytes: this.env.tuning.attachmentMaxBytes });
    if (truncated) {
      mail.problems.push(
        `This mail is over ${Math.round(MAX_MESSAGE_BYTES / 1024 / 1024)} MB, so only its headers were read; the whole mail stays in the team mailbox.`,
      );
    }
    const result = await ingestMail(this.db, workspaceId, source, mail, {
      tuning: this.env.tuning,
      ownAddresses,
      now: Date.now(),
    });
    if (result.outcome === 'held') this.log.warn({ source: source.key, reason: result.reason }, 'email: mail held');
  }
}
