import type { SessionUser } from '#shared/api/auth';
import type { MutationDef, SampleWorld } from '#shared/sync/mutator';
import {
  MUTATION_NAMES,
  type MutationArgs,
  type MutationGroup,
  type MutationName,
  groupOf,
  mutations,
} from '#shared/sync/mutators/registry';
import { MutationRejected } from '#shared/sync/rejection';
import type { SeededRandom } from '#shared/util/seeded-random';
import type { z } from 'zod';
import { ShiftdeskDb } from '../../renderer/src/db/shiftdesk-db.ts';
import { peekSyncState, readSyncState } from '../../renderer/src/db/sync-state.ts';
import { fetchRoots } from '../../renderer/src/sync/fetch-on-demand.ts';
import { mutate } from '../../renderer/src/sync/mutate.ts';
import { SyncCore } from '../../renderer/src/sync/sync-core.ts';
import { exportUnsyncedChanges, importUnsyncedChanges } from '../../renderer/src/sync/unsynced-changes-file.ts';
import { evictOutsideWindow } from '../../renderer/src/sync/window-eviction.ts';
import type { SimTransport } from './sim-transport.ts';

/**
 * One agent's device in the simulation: a real local database (fake-indexeddb)
 * driven by the real client sync code. It can crash (everything in memory is
 * lost; IndexedDB survives) and go offline.
 */
/**
 * How often a device makes each mutation. Every registered mutation is drawn
 * (new ones join unasked), but as often as agents make them: escalation steps,
 * shift starts and handover items are a handful per shift against hundreds of
 * ticket changes, and drawing them as often as a claim would crowd out the
 * ticket conflicts the simulation exists to exercise.
 */
const GROUP_WEIGHTS: Partial<Record<MutationGroup, number>> = { escalation: 0.35, shift: 0.25, handover: 0.25 };
const MUTATION_WEIGHTS: readonly (readonly [MutationName, number])[] = MUTATION_NAMES.map((name) => [
  name,
  GROUP_WEIGHTS[groupOf(name)] ?? 1,
]);

export class SimClient {
  db: ShiftdeskDb;
  core: SyncCore;
  /** Every mutation this device committed locally, as `clientId:id` (what the server must end up processing). */
  readonly created: string[] = [];

  constructor(
    readonly name: string,
    readonly user: SessionUser,
    readonly transport: SimTransport,
    private readonly newId: () => string,
  ) {
    this.db = new ShiftdeskDb(`sim-${name}`);
    this.core = this.newCore();
  }

  async init(): Promise<void> {
    await this.db.transaction('rw', this.db.local.meta, () => readSyncState(this.db, this.newId));
  }

  /** A change the way an agent makes one: any registered mutation, with arguments drawn like an agent's. */
  async mutateRandom(random: SeededRandom, world: SampleWorld): Promise<{ committed: boolean; detail: string }> {
    const name: MutationName = random.weighted(MUTATION_WEIGHTS);
    const args = (mutations[name] as MutationDef<z.ZodType>).sample(random, world);
    try {
      const id = await mutate(this.db, this.user, name, args as MutationArgs<typeof name>);
      const state = await peekSyncState(this.db);
      this.created.push(`${state?.clientId}:${id}`);
      return { committed: true, detail: `${name} #${id}` };
    } catch (error) {
      // Refused on the device itself (no permission, ticket not here): nothing queued, as in the app.
      if (error instanceof MutationRejected)
        return { committed: false, detail: `${name} refused locally (${error.code})` };
      throw error;
    }
  }

  /** The process dies: in-memory state is gone, IndexedDB stays. */
  async crash(): Promise<void> {
    this.db.close();
    this.db = new ShiftdeskDb(`sim-${this.name}`);
    await this.db.open();
    this.core = this.newCore();
    this.second = null;
  }

  private second: SyncCore | null = null;

  /** Another window of this profile: its own engine (own memory), the same database. */
  otherWindow(): SyncCore {
    this.second ??= this.newCore();
    return this.second;
  }

  async fetchRoot(ticketId: string): Promise<void> {
    await fetchRoots(this.db, this.transport.api, [{ entity: 'ticket', id: ticketId }], { markFetched: true });
  }

  async evict(): Promise<number> {
    return evictOutsideWindow(this.db, Date.now(), 0);
  }

  async exportChanges(): Promise<string> {
    return JSON.stringify(await exportUnsyncedChanges(this.db, this.user));
  }

  /** Changes carried here from another device's export, as `clientId:id`. */
  readonly carried = new Set<string>();

  async importChanges(file: string): Promise<void> {
    await importUnsyncedChanges(this.db, this.user, file);
    const parsed = JSON.parse(file) as { changes: { clientId: string; id: number }[] };
    for (const change of parsed.changes) this.carried.add(`${change.clientId}:${change.id}`);
  }

  async pending(): Promise<number> {
    return (
      (await this.db.local.outbox.count()) +
      (await this.db.local.importedOutbox.filter((e) => e.confirmedAt === null).count())
    );
  }

  private newCore(): SyncCore {
    return new SyncCore({ db: this.db, api: this.transport.api, actor: this.user, newId: this.newId });
  }
}
