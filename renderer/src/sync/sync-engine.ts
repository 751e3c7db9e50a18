import { liveQuery, type Subscription } from 'dexie';
import type { StoreApi } from 'zustand/vanilla';
import type { SessionUser } from '#shared/api/auth';
import type { ArchiveSearchRequest, ArchiveSearchResponse } from '#shared/api/archive';
import type { PresenceState } from '#shared/sync/socket-protocol';
import { Backoff } from '#shared/util/backoff';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { readSyncState } from '../db/sync-state.ts';
import { ApiError, type ApiClient, NetworkError } from './api-client.ts';
import { fetchRoots } from './fetch-on-demand.ts';
import { type LeaderElection, soleLeader } from './leader-election.ts';
import { type CreateSocket, LiveSocket } from './live-socket.ts';
import { reportSetAsideRows } from './set-aside-report.ts';
import { SyncCore } from './sync-core.ts';
import { type PresenceStatus, type SyncStatus, createPresenceStatus, createSyncStatus } from './sync-status.ts';
import { evictOutsideWindow } from './window-eviction.ts';

/** Pull even without pokes this often, in case a poke was lost. */
const FALLBACK_POLL_MS = 60_000;
/** Trim the window this often (and once after the first sync). */
const EVICTION_INTERVAL_MS = 3_600_000;

export const BOOTSTRAP_START_MARK = 'shiftdesk:bootstrap-start';
export const BOOTSTRAP_DONE_MARK = 'shiftdesk:bootstrap-done';

export interface SyncEngineOptions {
  db: ShiftdeskDb;
  api: ApiClient;
  actor: Pick<SessionUser, 'id' | 'role'>;
  serverUrl: string;
  token: string;
  /** Which window of this profile syncs (Web Locks in the app). */
  leader?: LeaderElection;
  createSocket?: CreateSocket;
  /** The server no longer accepts the session (the status also turns `signed_out`). */
  onSessionEnded?: () => void;
  /** Something for this person (a ticket assigned to them). */
  onNotice?: (notice: { title: string; body: string; ticketId: string | null }) => void;
}

/**
 * Keeps one local database in step with the server. Every window of a profile
 * runs one engine; the one that wins the leader lock pushes whenever the outbox
 * changes and pulls on every poke, on reconnect and on a slow timer, retrying
 * with backoff while the server is away. Work is serialized: one request at a
 * time, with flags coalescing whatever was asked for meanwhile. Every window
 * keeps its own live socket, for presence and an honest connection state.
 *
 * The engine and its status are objects handed to the UI, never module
 * globals: the sandbox runs a second engine beside the first.
 */
export class SyncEngine {
  readonly status: StoreApi<SyncStatus> = createSyncStatus();
  readonly presence: StoreApi<PresenceStatus> = createPresenceStatus();
  private readonly core: SyncCore;
  private readonly socket: LiveSocket;
  private pushWanted = false;
  private pullWanted = false;
  private running: Promise<void> | null = null;
  private stopped = false;
  private leading = false;
  /** Counts starts, so a start that finishes after a stop and a restart (React StrictMode) does nothing. */
  private generation = 0;
  private readonly retry = new Backoff({ baseMs: 500, maxMs: 10_000, minMs: 250 });
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private evictionTimer: ReturnType<typeof setInterval> | undefined;
  private outboxWatch: Subscription | undefined;
  private resign: (() => void) | undefined;
  private readonly onOnline = () => {
    this.socket.reconnectNow();
    this.request({ push: true, pull: true });
  };
  private readonly onOffline = () => {
    this.setStatus({ connection: 'offline' });
    this.socket.markDown();
  };

  constructor(private readonly options: SyncEngineOptions) {
    this.core = new SyncCore({
      db: options.db,
      api: options.api,
      actor: options.actor,
      active: () => !this.stopped && this.leading,
    });
    this.socket = new LiveSocket(
      options.serverUrl,
      options.token,
      {
        onReady: (connectionId) => {
          this.presence.setState({ connectionId });
          this.setStatus({ connection: 'online' });
          this.request({ push: true, pull: true });
        },
        onDown: () => {
          if (!this.stopped) this.setStatus({ connection: 'offline' });
        },
        onPoke: () => this.request({ pull: true }),
        onPresence: (entries) => this.presence.setState({ entries }),
        onNotice: (notice) => options.onNotice?.(notice),
        onUnauthenticated: () => this.sessionEnded(),
      },
      options.createSocket,
    );
  }

  /** Starts syncing; may be called again after stop (React StrictMode mounts twice in development). */
  async start(): Promise<void> {
    const generation = ++this.generation;
    this.stopped = false;
    const { db } = this.options;
    // Creates the client identity on first run, before anything is pushed.
    await db.transaction('rw', db.local.meta, () => readSyncState(db));
    // React may unmount (and stop us) while that was in flight.
    if (this.stopped || generation !== this.generation) return;
    this.socket.start();
    globalThis.addEventListener('online', this.onOnline);
    globalThis.addEventListener('offline', this.onOffline);
    if (globalThis.navigator?.onLine === false) this.setStatus({ connection: 'offline' });
    this.resign = (this.options.leader ?? soleLeader).run(() => this.lead());
    if (!this.leading) this.setStatus({ role: 'follower' });
  }

  stop(): void {
    this.stopped = true;
    this.leading = false;
    this.resign?.();
    this.resign = undefined;
    this.socket.stop();
    this.outboxWatch?.unsubscribe();
    clearInterval(this.pollTimer);
    clearInterval(this.evictionTimer);
    clearTimeout(this.retryTimer);
    globalThis.removeEventListener('online', this.onOnline);
    globalThis.removeEventListener('offline', this.onOffline);
  }

  /** Asks for a push and/or pull; only the leading window acts on it. */
  request(work: { push?: boolean; pull?: boolean }): void {
    if (work.push) this.pushWanted = true;
    if (work.pull) this.pullWanted = true;
    if (this.stopped || !this.leading) return;
    this.running ??= this.run().finally(() => (this.running = null));
  }

  /** The agent pressed Retry: no waiting for the backoff. */
  retryNow(): void {
    clearTimeout(this.retryTimer);
    this.retry.reset();
    this.socket.reconnectNow();
    this.request({ push: true, pull: true });
  }

  /** Resolves once no sync work is under way (tests, and "wait for sync" before signing out). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  setPresence(state: PresenceState): void {
    this.socket.setPresence(state);
  }

  /** Opens a ticket outside the window (by link, from the archive): fetched now, kept a day. */
  async fetchRoot(entity: string, id: string): Promise<boolean> {
    const missing = await fetchRoots(this.options.db, this.options.api, [{ entity, id }], { markFetched: true });
    return missing.length === 0;
  }

  searchArchive(request: ArchiveSearchRequest): Promise<ArchiveSearchResponse> {
    return this.options.api.searchArchive(request);
  }

  private lead(): void {
    if (this.stopped) return;
    this.leading = true;
    this.setStatus({ role: 'leader' });
    const { db } = this.options;
    this.outboxWatch = liveQuery(
      async () => (await db.local.outbox.count()) + (await db.local.importedOutbox.count()),
    ).subscribe({
      next: (count) => {
        if (count > 0) this.request({ push: true });
      },
      error: (error: unknown) => this.fail(error),
    });
    this.pollTimer = setInterval(() => this.request({ push: true, pull: true }), FALLBACK_POLL_MS);
    this.evictionTimer = setInterval(() => void this.evict(), EVICTION_INTERVAL_MS);
    this.request({ push: true, pull: true });
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopped && (this.pushWanted || this.pullWanted)) {
        if (this.pushWanted) {
          this.pushWanted = false;
          // A push is acknowledged through the pull that follows it.
          if (await this.push()) this.pullWanted = true;
        } else {
          this.pullWanted = false;
          await this.pull();
        }
      }
      this.retry.reset();
      if (!this.stopped) this.setStatus({ problem: null, ...(this.socket.isReady ? { connection: 'online' } : {}) });
    } catch (error) {
      this.fail(error);
    }
  }

  /** Pushes what is waiting (own changes, then imported ones); true if anything went. */
  private async push(): Promise<boolean> {
    const outcome = await this.core.pushBatch();
    // Only an answer from the server says it is reachable ('nothing' sent no request).
    if (outcome !== 'nothing') this.setStatus({ connection: 'online' });
    if (outcome === 'more') this.pushWanted = true;
    if (outcome === 'restarted') this.restartedAsNewClient();
    const imported = await this.core.pushImported();
    return outcome !== 'nothing' || imported;
  }

  private async pull(): Promise<void> {
    const { db } = this.options;
    const state = await db.transaction('r', db.local.meta, () => readSyncState(db));
    const bootstrapping = state.cookie === null;
    if (bootstrapping) performance.mark(BOOTSTRAP_START_MARK);
    const { restarted, setAside } = await this.core.pullUntilCurrent((event) => {
      this.setStatus({ download: event, connection: 'online' });
    });
    this.setStatus({ download: null, connection: 'online' });
    if (bootstrapping) {
      performance.mark(BOOTSTRAP_DONE_MARK);
      void this.evict();
    }
    if (restarted) this.restartedAsNewClient();
    if (setAside > 0 || bootstrapping) void reportSetAsideRows(db, this.options.api, state.clientGroupId);
  }

  private async evict(): Promise<void> {
    try {
      await evictOutsideWindow(this.options.db, Date.now());
    } catch {
      // Eviction only saves space; it tries again in an hour.
    }
  }

  /** After the server lost confirmed changes: the renumbered outbox is all unpushed, and the window downloads again. */
  private restartedAsNewClient(): void {
    this.core.forgetPushProgress();
    this.pushWanted = true;
    this.pullWanted = true;
    this.setStatus({
      notice:
        'The server lost recent data (reset or restored from a backup). Your unsynced changes were sent again and the queue was downloaded afresh.',
    });
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    // A failed download is not "under way" any more: the screen shows what is there (or why not).
    this.setStatus({ download: null });
    if (error instanceof ApiError && error.status === 401) return this.sessionEnded();
    const at = Date.now();
    if (error instanceof NetworkError) {
      this.setStatus({
        connection: 'offline',
        problem: `${error.message} Your changes are saved on this device and will sync when it is back.`,
        lastError: { message: error.message, at },
      });
    } else {
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus({ problem: `Sync failed, retrying: ${message}`, lastError: { message, at } });
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.request({ push: true, pull: true }), this.retry.next());
  }

  private sessionEnded(): void {
    // Both a 401 and the socket can report it; the UI must hear it once, and never from a stopped engine.
    if (this.stopped) return;
    this.stop();
    this.setStatus({ connection: 'signed_out', problem: 'Your session has ended. Sign in again to resume syncing.' });
    this.options.onSessionEnded?.();
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status.setState(patch);
  }
}
