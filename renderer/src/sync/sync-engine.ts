import { liveQuery, type Subscription } from 'dexie';
import type { SessionUser } from '#shared/api/auth';
import { MAX_MUTATIONS_PER_PUSH } from '#shared/sync/protocol';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { readSyncState } from '../db/sync-state.ts';
import { ApiError, type ApiClient, NetworkError } from './api-client.ts';
import { applyPull } from './apply-pull.ts';
import { PokeSocket } from './poke-socket.ts';
import { serverRegressed, startOverAsNewClient } from './server-regression.ts';
import { setSyncStatus } from './sync-status-store.ts';

/** Pull even without pokes this often, in case a poke was lost. */
const FALLBACK_POLL_MS = 60_000;
const MAX_RETRY_DELAY_MS = 10_000;

export interface SyncEngineOptions {
  db: ShiftdeskDb;
  api: ApiClient;
  actor: Pick<SessionUser, 'id' | 'role'>;
  serverUrl: string;
  token: string;
  /** The server no longer accepts the session: the UI asks the agent to sign in again. */
  onSessionEnded: () => void;
}

/**
 * Keeps one local database in step with the server: pushes whenever the outbox
 * changes, pulls on every poke, on reconnect and on a slow timer, and retries
 * with backoff while the server is away. Work is serialized: one request at a
 * time, with flags coalescing whatever was asked for meanwhile.
 */
export class SyncEngine {
  private pushWanted = false;
  private pullWanted = false;
  private running = false;
  private stopped = false;
  /**
   * The server has processed every mutation up to here (its push answer). Those
   * entries stay in the outbox until a pull brings their effects, but are not
   * pushed again, so a backlog larger than one batch moves forward.
   */
  private pushedThrough = 0;
  private retryAttempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private outboxWatch: Subscription | undefined;
  private readonly socket: PokeSocket;
  private readonly onOnline = () => {
    this.socket.reconnectNow();
    this.request({ push: true, pull: true });
  };

  constructor(private readonly options: SyncEngineOptions) {
    this.socket = new PokeSocket(options.serverUrl, options.token, {
      onReady: () => this.request({ push: true, pull: true }),
      onPoke: () => this.request({ pull: true }),
      onUnauthenticated: () => this.sessionEnded(),
    });
  }

  async start(): Promise<void> {
    const { db } = this.options;
    // Creates the client identity on first run, before anything is pushed.
    await db.transaction('rw', db.meta, () => readSyncState(db));
    // React may unmount (and stop us) while that was in flight.
    if (this.stopped) return;
    setSyncStatus({ connection: 'connecting', problem: null, notice: null, bootstrap: null });
    this.outboxWatch = liveQuery(() => db.outbox.count()).subscribe({
      next: (count) => {
        if (count > 0) this.request({ push: true });
      },
      error: (error: unknown) => this.fail(error),
    });
    this.socket.start();
    this.pollTimer = setInterval(() => this.request({ push: true, pull: true }), FALLBACK_POLL_MS);
    globalThis.addEventListener('online', this.onOnline);
    this.request({ push: true, pull: true });
  }

  stop(): void {
    this.stopped = true;
    this.socket.stop();
    this.outboxWatch?.unsubscribe();
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    globalThis.removeEventListener('online', this.onOnline);
  }

  request(work: { push?: boolean; pull?: boolean }): void {
    if (work.push) this.pushWanted = true;
    if (work.pull) this.pullWanted = true;
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      while (!this.stopped && (this.pushWanted || this.pullWanted)) {
        if (this.pushWanted) {
          this.pushWanted = false;
          // A push is acknowledged through the pull that follows it.
          if (await this.pushOutbox()) this.pullWanted = true;
        } else {
          this.pullWanted = false;
          await this.pullUntilCurrent();
        }
      }
      this.retryAttempt = 0;
      if (!this.stopped) setSyncStatus({ connection: 'online', problem: null });
    } catch (error) {
      this.fail(error);
    } finally {
      this.running = false;
    }
  }

  /** Pushes the next batch the server has not processed yet; false when there was none. */
  private async pushOutbox(): Promise<boolean> {
    const { db, api } = this.options;
    const [state, entries] = await db.transaction(
      'r',
      db.meta,
      db.outbox,
      async () =>
        [
          await readSyncState(db),
          await db.outbox.where('id').above(this.pushedThrough).limit(MAX_MUTATIONS_PER_PUSH).toArray(),
        ] as const,
    );
    if (entries.length === 0) return false;
    const { lastMutationId } = await api.push({
      clientGroupId: state.clientGroupId,
      clientId: state.clientId,
      mutations: entries,
    });
    if (serverRegressed(lastMutationId, state.ackedThrough)) {
      await db.transaction('rw', db.syncTables(), () => startOverAsNewClient(db));
      this.restartedAsNewClient();
      return true;
    }
    this.pushedThrough = Math.max(this.pushedThrough, lastMutationId);
    // More than one batch waiting: keep going before the acknowledging pull.
    if (entries.length === MAX_MUTATIONS_PER_PUSH && lastMutationId >= (entries.at(-1)?.id ?? 0))
      this.pushWanted = true;
    return true;
  }

  private async pullUntilCurrent(): Promise<void> {
    const { db, api, actor } = this.options;
    for (;;) {
      const state = await db.transaction('r', db.meta, () => readSyncState(db));
      const base = { cookie: state.cookie, resume: state.resume };
      const response = await api.pull({ clientGroupId: state.clientGroupId, ...base });
      const outcome = await applyPull(db, actor, base, response);
      if (outcome === 'stale') continue;
      if (outcome === 'server_regressed') {
        // applyPull already started over, in the same transaction.
        this.restartedAsNewClient();
        continue;
      }
      if (outcome === 'partial') {
        setSyncStatus({ bootstrap: response.progress, connection: 'online' });
        continue;
      }
      setSyncStatus({ bootstrap: null });
      // A full-state pull ends at the version it started from: catch up once more.
      if (response.progress === null) return;
    }
  }

  /** After startOverAsNewClient: the renumbered outbox is all unpushed, and the queue downloads again. */
  private restartedAsNewClient(): void {
    this.pushedThrough = 0;
    this.pushWanted = true;
    this.pullWanted = true;
    setSyncStatus({
      notice:
        'The server lost recent data (reset or restored from a backup). Your unsynced changes were sent again and the queue was downloaded afresh.',
    });
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    if (error instanceof ApiError && error.status === 401) return this.sessionEnded();
    if (error instanceof NetworkError) {
      setSyncStatus({
        connection: 'offline',
        problem: `${error.message} Your changes are saved on this device and will sync when it is back.`,
      });
    } else {
      const message = error instanceof Error ? error.message : String(error);
      setSyncStatus({ connection: 'online', problem: `Sync failed, retrying: ${message}` });
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** this.retryAttempt);
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => this.request({ push: true, pull: true }), delay);
  }

  private sessionEnded(): void {
    // Both a 401 and the socket can report it; the UI must hear it once, and never from a stopped engine.
    if (this.stopped) return;
    this.stop();
    setSyncStatus({ connection: 'signed_out', problem: 'Your session has ended. Sign in again to resume syncing.' });
    this.options.onSessionEnded();
  }
}
