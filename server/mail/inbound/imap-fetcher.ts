import { ImapFlow, type MailboxObject } from 'imapflow';
import type { MailChannelState, MailChannelStatus } from '../../../shared/api/mail.ts';
import {
  closeImapClient,
  type ImapMailbox,
  type InboundLog,
  imapClientOptions,
  missingCredentials,
} from './imap-connection.ts';
import { describeImapError, errorText, ImapProblem } from './imap-errors.ts';
import { findMessageIdInMailbox } from './imap-find-message-id.ts';
import { formatInterval, Wakeup } from './imap-wakeup.ts';

/** How far the team mailbox has been read. uidValidity is a string: it is a 32-bit unsigned number, kept exact. */
export interface ImapCursor {
  uidValidity: string;
  lastUid: number;
  /**
   * Set while a first connect's import of unseen mail is under way: the newest
   * uid it covers. `lastUid` is then the last unseen mail stored, and a restart
   * resumes the import (unseen mail up to here) instead of taking every mail
   * above `lastUid`, read ones included.
   */
  importUntil?: number;
}

export interface FetchedMail {
  uid: number;
  /** The message exactly as the server holds it; only its header when `truncated`. */
  raw: Buffer;
  /** The whole message's size as the server reports it (RFC822.SIZE), also when truncated. */
  size: number;
  /** Over maxMessageBytes: only the header was fetched, the mail stays in the mailbox for someone to open there. */
  truncated: boolean;
  /**
   * The cursor to store in the same transaction as this mail. It is
   * `{ uidValidity, lastUid: uid }` except for the last mail of a first-connect
   * import of unseen mail, where it points past the seen mail that import left
   * out (so a restart does not import that seen mail after all).
   */
  cursor: ImapCursor;
}

/** What a first connect (no cursor, or the mailbox was recreated) imports of the mail already there. */
export type ImportExisting = 'none' | 'unseen' | 'all';

export interface ImapFetcherOptions {
  server: ImapMailbox;
  /** Time between checks when IDLE is not used; with IDLE, a check this often anyway (some servers drop IDLE silently). */
  pollMs: number;
  /** The durable cursor, null before the first mail was stored. */
  readCursor: () => Promise<ImapCursor | null>;
  /**
   * Called for each new mail in uid order, one at a time; stores the mail and
   * `mail.cursor` in one transaction. When it throws, the pass stops, the status
   * turns to error, and the same mail is offered again (after 1 s, doubling to 60 s):
   * nothing is skipped.
   */
  ingest: (mail: FetchedMail, uidValidity: string) => Promise<void>;
  onStatus: (status: MailChannelStatus) => void;
  /** Bigger mails arrive as their header only, with `truncated: true`. */
  maxMessageBytes: number;
  log: InboundLog;
  /**
   * Default 'unseen': unseen mail is most likely unanswered customer mail, and
   * years of read mail should not become tickets. 'none' imports only mail that
   * arrives from now on; 'all' imports the whole mailbox. A recreated mailbox
   * (UIDVALIDITY changed) is read the same way, so mail stored before may come
   * again: ingest should skip Message-IDs it already has.
   */
  importExisting?: ImportExisting;
  /** Default true; false polls every pollMs even when the server supports IDLE. */
  useIdle?: boolean;
}

interface Position {
  uidValidity: string;
  /** The highest uid this session is done with; every uid above it is new. */
  lastUid: number;
  /** A first connect's unseen mail, oldest first, all at or below lastUid; delivered before anything newer. */
  backlog: number[];
}

type PassOutcome = { kind: 'done' } | { kind: 'stopped' } | { kind: 'failed'; uid: number; error: unknown };

const BATCH = 50;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
const SETTLED_SESSION_MS = 30_000;
/** IDLE is restarted this often: NAT boxes forget quiet connections and Gmail ends IDLE after 29 minutes. */
const IDLE_RESTART_MS = 4 * 60_000;
/** Without IDLE, a NOOP this often keeps a long poll interval from looking like a dead connection. */
const KEEPALIVE_MS = 2 * 60_000;

/**
 * Reads new mail from the team mailbox over IMAP and hands each one, raw, to
 * `ingest`. Progress is the uid cursor the lead stores with each mail, never
 * \Seen flags (agents may read the mailbox too); the mailbox is opened
 * read-only, so nothing is flagged, moved or deleted.
 */
export class ImapFetcher {
  readonly #options: ImapFetcherOptions;
  readonly #wakeup = new Wakeup();
  #stopping = new AbortController();
  #loop: Promise<void> | null = null;
  #client: ImapFlow | null = null;
  #connectionError: Error | null = null;
  #idleRefused = false;
  #phase: 'connecting' | 'imap' | 'ingest' | 'waiting' = 'connecting';
  #lastStatus = '';

  constructor(options: ImapFetcherOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#loop) return;
    this.#stopping = new AbortController();
    this.#wakeup.reset();
    this.#lastStatus = '';
    this.#loop = this.#run().catch((error: unknown) => {
      this.#options.log.warn({ err: error }, 'IMAP fetcher: stopped by an unexpected error');
      this.#report('error', `Stopped by an unexpected error: ${errorText(error)}`);
    });
  }

  /** Resolves once the connection is closed; an ingest in flight is awaited, none starts after. */
  async stop(): Promise<void> {
    const loop = this.#loop;
    if (!loop) return;
    this.#stopping.abort();
    this.#wakeup.ring();
    // A command in flight (a 35 MB download, say) is cut off; an ingest in flight is the lead's transaction and finishes.
    if (this.#phase === 'connecting' || this.#phase === 'imap') this.#client?.close();
    await loop;
    this.#loop = null;
    this.#report('off', 'Stopped');
  }

  /** Looks for new mail now instead of at the next IDLE notice or poll. */
  checkNow(): void {
    this.#wakeup.ring();
  }

  /** Whether a mail with this Message-ID is in the mailbox, INBOX or \Sent; a connection of its own. */
  findMessageId(messageId: string): Promise<boolean> {
    return findMessageIdInMailbox(this.#options.server, messageId);
  }

  get #stopped(): boolean {
    return this.#stopping.signal.aborted;
  }

  async #run(): Promise<void> {
    const { server, log } = this.#options;
    let backoffMs = FIRST_BACKOFF_MS;
    while (!this.#stopped) {
      this.#report('connecting', `Connecting to ${server.host}:${server.port}`);
      let failure: unknown = null;
      let established = false;
      try {
        const client = await this.#open();
        established = true;
        const openedAt = Date.now();
        await this.#watch(client).finally(() => {
          // Only a session that lasted starts the backoff over: one the server drops at once is retried slower and slower.
          if (Date.now() - openedAt >= SETTLED_SESSION_MS) backoffMs = FIRST_BACKOFF_MS;
        });
      } catch (error) {
        failure = error;
      }
      const client = this.#client;
      this.#client = null;
      const dropped = established && client !== null && !client.usable;
      if (client) await closeImapClient(client);
      if (failure === null || this.#stopped) continue;

      // A session that worked and then went away is not a settings problem: say so rather than "check the port".
      const why = client?.byeReason ?? this.#connectionError?.message;
      const detail =
        dropped && !(failure instanceof ImapProblem)
          ? `The connection to ${server.host}:${server.port} dropped${why ? ` (${why})` : ''}.`
          : describeImapError(this.#connectionError ?? failure, server);
      this.#report('error', `${detail} Trying again in ${formatInterval(backoffMs)}.`);
      log.warn(
        { err: failure, host: server.host, port: server.port, mailbox: server.mailbox },
        'IMAP fetcher: connection failed',
      );
      this.#wakeup.reset();
      await this.#wakeup.wait(backoffMs, this.#stopping.signal);
      backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  async #open(): Promise<ImapFlow> {
    const { server } = this.#options;
    const problem = missingCredentials(server);
    if (problem) throw new ImapProblem(problem);
    const client = new ImapFlow(imapClientOptions(server, { maxIdleTime: IDLE_RESTART_MS }));
    this.#client = client;
    this.#connectionError = null;
    this.#idleRefused = false;
    this.#phase = 'connecting';
    const ring = () => {
      if (this.#client === client) this.#wakeup.ring();
    };
    client.on('error', (error: Error) => {
      if (this.#client === client) this.#connectionError = error;
      ring();
    });
    client.on('close', ring);
    client.on('exists', ring);
    await client.connect();
    this.#phase = 'imap';
    if (this.#stopped) return client;
    await client.mailboxOpen(server.mailbox, { readOnly: true });
    return client;
  }

  async #watch(client: ImapFlow): Promise<void> {
    if (this.#stopped) return;
    let position = await this.#startPosition(client);
    let retryMs = FIRST_BACKOFF_MS;
    while (!this.#stopped) {
      this.#wakeup.reset();
      if (selected(client).uidValidity.toString() !== position.uidValidity) {
        position = await this.#startPosition(client);
      }
      const outcome = await this.#pass(client, position);
      if (outcome.kind === 'stopped') return;
      if (outcome.kind === 'failed') {
        this.#report(
          'error',
          `Could not store mail ${outcome.uid} from ${this.#options.server.mailbox}: ${errorText(outcome.error)}. ` +
            `Trying again in ${formatInterval(retryMs)}.`,
        );
        this.#options.log.warn({ err: outcome.error, uid: outcome.uid }, 'IMAP fetcher: ingest failed');
        this.#wakeup.reset();
        await this.#wakeup.wait(retryMs, this.#stopping.signal);
        retryMs = Math.min(retryMs * 2, MAX_BACKOFF_MS);
        continue;
      }
      retryMs = FIRST_BACKOFF_MS;
      await this.#waitForMail(client);
    }
  }

  /** Where this session starts: the stored cursor, or (first connect, recreated mailbox) per importExisting. */
  async #startPosition(client: ImapFlow): Promise<Position> {
    const { readCursor, importExisting = 'unseen', log } = this.#options;
    const mailbox = selected(client);
    const uidValidity = mailbox.uidValidity.toString();
    const stored = await readCursor();
    if (stored?.uidValidity === uidValidity && stored.importUntil !== undefined) {
      const until = stored.importUntil;
      const unseen = ensureSearched(await client.search({ seen: false, uid: `1:${until}` }, { uid: true }));
      const backlog = unseen.filter((uid) => uid > stored.lastUid && uid <= until).sort((a, b) => a - b);
      log.info?.({ mailbox: mailbox.path, unseen: backlog.length }, 'IMAP fetcher: resuming the import of unseen mail');
      return { uidValidity, lastUid: until, backlog };
    }
    if (stored?.uidValidity === uidValidity) return { uidValidity, lastUid: stored.lastUid, backlog: [] };
    if (stored) {
      log.warn(
        { mailbox: mailbox.path, storedUidValidity: stored.uidValidity, uidValidity },
        'IMAP fetcher: the mailbox was recreated (UIDVALIDITY changed); importing it as on a first connect',
      );
    }
    if (importExisting === 'all') return { uidValidity, lastUid: 0, backlog: [] };
    const newest = (await uidNext(client, mailbox)) - 1;
    if (importExisting === 'none' || newest < 1) return { uidValidity, lastUid: Math.max(newest, 0), backlog: [] };
    const unseen = ensureSearched(await client.search({ seen: false, uid: `1:${newest}` }, { uid: true }));
    const backlog = unseen.filter((uid) => uid <= newest).sort((a, b) => a - b);
    log.info?.({ mailbox: mailbox.path, unseen: backlog.length }, 'IMAP fetcher: first connect, importing unseen mail');
    return { uidValidity, lastUid: newest, backlog };
  }

  async #pass(client: ImapFlow, position: Position): Promise<PassOutcome> {
    if (position.backlog.length > 0) {
      const outcome = await this.#deliver(client, position, [...position.backlog], true);
      if (outcome.kind !== 'done') return outcome;
    }
    const found = ensureSearched(await client.search({ uid: `${position.lastUid + 1}:*` }, { uid: true }));
    // `N:*` also names the newest message when its uid is below N (RFC 3501 6.4.8), hence the filter.
    const uids = found.filter((uid) => uid > position.lastUid).sort((a, b) => a - b);
    return this.#deliver(client, position, uids, false);
  }

  async #deliver(client: ImapFlow, position: Position, uids: number[], backlog: boolean): Promise<PassOutcome> {
    const { ingest, maxMessageBytes } = this.#options;
    for (let start = 0; start < uids.length; start += BATCH) {
      const batch = uids.slice(start, start + BATCH);
      const listed = await client.fetchAll(batch, { uid: true, size: true }, { uid: true });
      const sizes = new Map(listed.map((message) => [message.uid, message.size ?? 0]));
      for (const uid of batch) {
        if (this.#stopped) return { kind: 'stopped' };
        const size = sizes.get(uid);
        // A mail expunged since the search has nothing to deliver.
        const mail = size === undefined ? null : await download(client, uid, size, maxMessageBytes);
        if (!mail) this.#options.log.warn({ uid }, 'IMAP fetcher: a mail was gone before it could be fetched');
        if (mail) {
          if (this.#stopped) return { kind: 'stopped' };
          const lastOfBacklog = backlog && position.backlog.length === 1;
          const cursor: ImapCursor = !backlog
            ? { uidValidity: position.uidValidity, lastUid: uid }
            : lastOfBacklog
              ? { uidValidity: position.uidValidity, lastUid: position.lastUid }
              : { uidValidity: position.uidValidity, lastUid: uid, importUntil: position.lastUid };
          this.#phase = 'ingest';
          try {
            await ingest({ ...mail, cursor }, position.uidValidity);
          } catch (error) {
            return { kind: 'failed', uid, error };
          } finally {
            this.#phase = 'imap';
          }
        }
        if (backlog) position.backlog.shift();
        else position.lastUid = uid;
      }
    }
    return { kind: 'done' };
  }

  /** Sleeps until new mail is announced, checkNow, the poll interval, stop or a dropped connection. */
  async #waitForMail(client: ImapFlow): Promise<void> {
    const { pollMs, useIdle = true, server } = this.#options;
    const serverIdles = client.capabilities.has('IDLE');
    const idle = useIdle && serverIdles && !this.#idleRefused;
    const every = `every ${formatInterval(pollMs)}`;
    this.#report(
      'ok',
      idle
        ? `Watching ${server.mailbox} (IDLE)`
        : `Checking ${server.mailbox} ${every}${useIdle ? ' (the server does not support IDLE)' : ''}`,
    );
    this.#phase = 'waiting';
    let keepalive: NodeJS.Timeout | undefined;
    if (idle) {
      const startedAt = Date.now();
      client.idle().then(
        (result) => {
          if (this.#phase !== 'waiting' || this.#client !== client) return;
          // IDLE ended by itself (the server ended it, a keepalive broke it): look, then idle again.
          // One that fails or ends at once is refused, and this connection polls instead.
          if (result === false || Date.now() - startedAt < 1_000) this.#idleRefused = true;
          this.#wakeup.ring();
        },
        () => this.#wakeup.ring(),
      );
    } else {
      keepalive = setInterval(() => void client.noop().catch(() => undefined), KEEPALIVE_MS);
    }
    try {
      await this.#wakeup.wait(pollMs, this.#stopping.signal);
    } finally {
      clearInterval(keepalive);
      this.#phase = 'imap';
    }
    if (!client.usable && !this.#stopped) {
      throw this.#connectionError ?? Object.assign(new Error('connection closed'), { code: 'EConnectionClosed' });
    }
  }

  #report(state: MailChannelState, detail: string): void {
    const key = `${state}\n${detail}`;
    if (key === this.#lastStatus) return;
    this.#lastStatus = key;
    this.#options.onStatus({
      state,
      at: Date.now(),
      detail: detail.length > 500 ? `${detail.slice(0, 499)}…` : detail,
    });
  }
}

async function download(client: ImapFlow, uid: number, size: number, maxBytes: number) {
  if (size > maxBytes) {
    const message = await client.fetchOne(uid, { uid: true, headers: true }, { uid: true });
    return message ? { uid, raw: message.headers ?? Buffer.alloc(0), size, truncated: true } : null;
  }
  const message = await client.fetchOne(uid, { uid: true, source: true }, { uid: true });
  return message && message.source ? { uid, raw: message.source, size, truncated: false } : null;
}

function selected(client: ImapFlow): MailboxObject {
  if (!client.mailbox) throw Object.assign(new Error('The mailbox was closed'), { code: 'NoConnection' });
  return client.mailbox;
}

/** SEARCH answers false when the server refused it; that is an error, not "no mail". */
function ensureSearched(result: number[] | false | undefined): number[] {
  if (!result) throw new Error('The server refused to search the mailbox');
  return result;
}

/** The uid the next message will get; from SELECT, or the newest message's uid + 1 on servers that leave it out. */
async function uidNext(client: ImapFlow, mailbox: MailboxObject): Promise<number> {
  if (mailbox.uidNext > 0) return mailbox.uidNext;
  if (mailbox.exists === 0) return 1;
  const newest = await client.fetchOne('*', { uid: true });
  return newest ? newest.uid + 1 : 1;
}
