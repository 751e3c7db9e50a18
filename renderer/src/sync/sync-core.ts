import type { SessionUser } from '#shared/api/auth';
import { ClientGroupId, ClientId } from '#shared/domain/ids';
import { MAX_MUTATIONS_PER_PUSH, type PullProgress, type PullResponse } from '#shared/sync/protocol';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { type NewId, randomId, readSyncState } from '../db/sync-state.ts';
import type { ApiClient } from './api-client.ts';
import { type ApplyPullResult, type PullBase, applyPull } from './apply-pull.ts';
import { fetchRoots } from './fetch-on-demand.ts';
import { serverRegressed, startOverAsNewClient } from './server-regression.ts';

export interface SyncCoreDeps {
  db: ShiftdeskDb;
  api: ApiClient;
  actor: Pick<SessionUser, 'id' | 'role'>;
  /** Where new sync identities come from (seeded in simulations). */
  newId?: NewId;
  now?: () => number;
  /** False once the engine stopped (signed out, or another window leads now): long pulls stop between pages. */
  active?: () => boolean;
}

export type PushOutcome =
  /** Nothing waiting that the server has not already processed. */
  | 'nothing'
  /** One batch went through; `more` when another is waiting. */
  | 'pushed'
  | 'more'
  /** The server had lost confirmed changes; this device started over as a new client. */
  | 'restarted';

export interface PullProgressEvent {
  /** `full`: the whole window is downloading (first sign-in, or the server asked for a fresh start). */
  kind: 'full' | 'catch-up';
  progress: PullProgress;
}

/**
 * The sync steps, one request at a time, with no timers of their own: the
 * engine schedules them in the app, the sync simulation calls them at random.
 * Holds one piece of memory: how far the server has processed this device's
 * outbox, so a backlog larger than one push keeps moving.
 */
export class SyncCore {
  private pushedThrough = 0;
  private readonly newId: NewId;
  private readonly now: () => number;

  constructor(private readonly deps: SyncCoreDeps) {
    this.newId = deps.newId ?? randomId;
    this.now = deps.now ?? Date.now;
  }

  /** Called when this device started over as a new client: its renumbered outbox is all unpushed. */
  forgetPushProgress(): void {
    this.pushedThrough = 0;
  }

  /** Pushes the next batch of this device's outbox that the server has not processed yet. */
  async pushBatch(): Promise<PushOutcome> {
    const { db, api } = this.deps;
    const [state, entries] = await db.transaction(
      'r',
      db.local.meta,
      db.local.outbox,
      async () =>
        [
          await readSyncState(db, this.newId),
          await db.local.outbox.where('id').above(this.pushedThrough).limit(MAX_MUTATIONS_PER_PUSH).toArray(),
        ] as const,
    );
    if (entries.length === 0) return 'nothing';
    const { lastMutationId } = await api.push({
      clientGroupId: state.clientGroupId,
      clientId: state.clientId,
      mutations: entries,
    });
    if (serverRegressed(lastMutationId, state.ackedThrough)) {
      // Only if nothing moved meanwhile: another engine (a window that took over) may have started over already.
      const restarted = await db.transaction('rw', db.syncTables(), async () => {
        const now = await readSyncState(db, this.newId);
        if (now.clientId !== state.clientId || now.ackedThrough !== state.ackedThrough) return false;
        await startOverAsNewClient(db, this.newId);
        return true;
      });
      this.pushedThrough = 0;
      return restarted ? 'restarted' : 'pushed';
    }
    this.pushedThrough = Math.max(this.pushedThrough, lastMutationId);
    const more = entries.length === MAX_MUTATIONS_PER_PUSH && lastMutationId >= (entries.at(-1)?.id ?? 0);
    return more ? 'more' : 'pushed';
  }

  /**
   * Sends changes imported from another device's export, under that device's
   * identity (one client at a time, in order). Returns whether it sent any.
   */
  async pushImported(): Promise<boolean> {
    const { db, api } = this.deps;
    const waiting = (await db.local.importedOutbox.toArray()).filter((entry) => entry.confirmedAt === null);
    const byClient = new Map<string, typeof waiting>();
    for (const entry of waiting.sort((a, b) => a.id - b.id))
      byClient.set(entry.clientId, [...(byClient.get(entry.clientId) ?? []), entry]);
    // One batch per device whose changes were imported: one stuck device (changes after a gap,
    // waiting for its earlier ones) must not hold back the others.
    let sent = false;
    for (const entries of byClient.values()) {
      const batch = entries.slice(0, MAX_MUTATIONS_PER_PUSH);
      const first = batch[0];
      if (!first) continue;
      const { lastMutationId, rejections } = await api.push({
        clientGroupId: ClientGroupId.parse(first.clientGroupId),
        clientId: ClientId.parse(first.clientId),
        carrierGroupId: (await readSyncState(db, this.newId)).clientGroupId,
        mutations: batch.map(({ id, name, args, createdAt }) => ({ id, name, args, createdAt })),
      });
      const confirmedAt = this.now();
      const confirmed = batch.filter((entry) => entry.id <= lastMutationId).map((entry) => ({ ...entry, confirmedAt }));
      await db.transaction('rw', db.local.importedOutbox, db.rows('rejection'), async () => {
        if (confirmed.length > 0) await db.local.importedOutbox.bulkPut(confirmed);
        // Refusals are recorded for the device that made the change, which may never sync again: the
        // push answers them, so the agent who carried the changes here sees them.
        if (rejections.length > 0) await db.rows('rejection').bulkPut(rejections);
      });
      sent ||= confirmed.length > 0;
    }
    return sent;
  }

  /** One pull request and its application (then any history fetches it queued). */
  async pullOnce(): Promise<{ response: PullResponse; result: ApplyPullResult }> {
    const base = await this.pullBase();
    const response = await this.deps.api.pull({
      clientGroupId: base.clientGroupId,
      cookie: base.cookie,
      resume: base.resume,
    });
    const result = await this.apply(base, response);
    await this.fetchPending();
    return { response, result };
  }

  /**
   * Fetches the children of roots that came back into the window. They are
   * queued durably by the pull that found them, so a failure here is retried
   * after the next pull instead of leaving a ticket without its history.
   */
  async fetchPending(): Promise<void> {
    const { db, api } = this.deps;
    const pending = await db.local.pendingFetches.toArray();
    if (pending.length === 0) return;
    await fetchRoots(db, api, pending, { markFetched: false, now: this.now });
    await db.local.pendingFetches.bulkDelete(pending.map((entry) => entry.key));
  }

  /**
   * Pulls until the local copy is as current as the server: every page of a
   * download or long catch-up (fetching the next page while the current one is
   * written), then once more if it was paged, since pages stop at the version
   * where they began. Fetches the history of tickets that came back into the window.
   */
  async pullUntilCurrent(
    onProgress?: (event: PullProgressEvent) => void,
  ): Promise<{ restarted: boolean; setAside: number }> {
    const { api } = this.deps;
    let restarted = false;
    let setAside = 0;
    for (;;) {
      let base = await this.pullBase();
      const kind = base.cookie === null ? 'full' : 'catch-up';
      let response = await api.pull({ clientGroupId: base.clientGroupId, cookie: base.cookie, resume: base.resume });
      let paged = false;
      let outcome: ApplyPullResult['outcome'];
      for (;;) {
        paged ||= response.progress !== null;
        // What the local state will be once this page is in: a page that clears also forgets the cookie.
        const cleared = response.patch.some((op) => op.op === 'clear');
        const nextBase = response.resume
          ? { ...base, cookie: cleared ? null : base.cookie, resume: response.resume, requestedAt: this.now() }
          : null;
        const next = nextBase
          ? api.pull({ clientGroupId: base.clientGroupId, cookie: nextBase.cookie, resume: nextBase.resume })
          : null;
        // An abandoned prefetch must not surface as an unhandled rejection.
        next?.catch(() => undefined);
        const result = await this.apply(base, response);
        outcome = result.outcome;
        setAside += result.setAside;
        if (response.progress && outcome !== 'stale') onProgress?.({ kind, progress: response.progress });
        if (outcome !== 'partial' || !next || !nextBase || this.deps.active?.() === false) break;
        base = nextBase;
        response = await next;
      }
      if (this.deps.active?.() === false) return { restarted, setAside };
      if (outcome === 'server_regressed') {
        this.forgetPushProgress();
        restarted = true;
        continue;
      }
      // Stale: another window moved the state on, go again from there. Paged: the pages
      // stopped at the version where they began, so catch up with what changed meanwhile.
      if (outcome === 'stale' || paged) continue;
      await this.fetchPending();
      return { restarted, setAside };
    }
  }

  private async pullBase(): Promise<PullBase & { clientGroupId: ClientGroupId }> {
    const { db } = this.deps;
    const state = await db.transaction('r', db.local.meta, () => readSyncState(db, this.newId));
    return { clientGroupId: state.clientGroupId, cookie: state.cookie, resume: state.resume, requestedAt: this.now() };
  }

  private apply(base: PullBase, response: PullResponse): Promise<ApplyPullResult> {
    return applyPull(this.deps.db, this.deps.actor, base, response, { now: this.now(), newId: this.newId });
  }
}
