import { ClientId, type UserId } from '../domain/ids.ts';
import type { Role } from '../domain/roles.ts';
import type { Ticket } from '../domain/ticket.ts';
import type { WorkspaceEntityName } from '../sync/entities.ts';
import { MutationRejected, type Resolution } from '../sync/rejection.ts';
import { runMutation } from '../sync/run-mutation.ts';
import { type MemoryMutatorTx, memoryMutatorTx } from './memory-mutator-tx.ts';

/** A change waiting in a device's outbox. */
export interface QueuedChange {
  id: number;
  name: string;
  args: object;
  createdAt: number;
}

/** A change the server refused, as its device hears of it. */
export interface RecordedRejection {
  clientId: string;
  mutationId: number;
  name: string;
  code: string;
  message: string;
  resolutions: Resolution[];
}

type Actor = { id: UserId; role: Role };

/** Rows are plain JSON (they cross the network as such), so a JSON copy is a faithful one. */
function copyOf(store: MemoryMutatorTx): MemoryMutatorTx {
  const copy = memoryMutatorTx();
  for (const [key, row] of store.rows) copy.rows.set(key, JSON.parse(JSON.stringify(row)) as unknown);
  return copy;
}

function ticketsOf(store: MemoryMutatorTx): Ticket[] {
  return [...store.rows.entries()].filter(([key]) => key.startsWith('ticket/')).map(([, row]) => row as Ticket);
}

/**
 * The team backend reduced to what the sync protocol promises (BRIEF §5):
 * pushed changes run in arrival order, each once (an id at or below the
 * client's last is skipped, a gap stops the push), each whole or, refused,
 * not at all, and a refusal is recorded for its device. The sync simulation
 * holds the real server to the same promises.
 */
export class ServerModel {
  store: MemoryMutatorTx;
  readonly lastMutationIds = new Map<string, number>();
  readonly rejections: RecordedRejection[] = [];

  constructor(
    rows: Iterable<readonly [WorkspaceEntityName, { id: string }]>,
    private now = 100_000,
  ) {
    this.store = memoryMutatorTx(rows);
  }

  tickets(): Ticket[] {
    return ticketsOf(this.store);
  }

  async push(clientId: ClientId, actor: Actor, changes: readonly QueuedChange[]): Promise<void> {
    for (const change of changes) {
      const last = this.lastMutationIds.get(clientId) ?? 0;
      if (change.id <= last) continue;
      if (change.id > last + 1) break;
      // The server's savepoint: the change runs on a copy that replaces the store only if accepted.
      const attempt = copyOf(this.store);
      try {
        await runMutation(attempt, change.name, change.args, {
          actor,
          now: ++this.now,
          clientId,
          mutationId: change.id,
        });
        this.store = attempt;
      } catch (error) {
        if (!(error instanceof MutationRejected)) throw error;
        const { code, message, resolutions } = error;
        this.rejections.push({ clientId, mutationId: change.id, name: change.name, code, message, resolutions });
      }
      this.lastMutationIds.set(clientId, change.id);
    }
  }
}

/**
 * One agent's device, as the client sync code keeps it: the server's rows as
 * last pulled with its own unconfirmed changes replayed on top. A change is
 * made here at once (or refused here, and never queued); a pull drops what
 * the server confirmed and replays the rest on the server's rows (a rebase),
 * where a change that is impossible now is skipped, not undone: what it wrote
 * before refusing stays, as it does in IndexedDB.
 */
export class DeviceModel {
  store: MemoryMutatorTx;
  outbox: QueuedChange[] = [];
  readonly clientId: ClientId;
  private nextId = 1;

  constructor(
    name: string,
    readonly actor: Actor,
    server: ServerModel,
    private now: number,
  ) {
    this.clientId = ClientId.parse(name);
    this.store = copyOf(server.store);
  }

  tickets(): Ticket[] {
    return ticketsOf(this.store);
  }

  /** A change made offline: applied here at once and queued, or refused here (nothing queued). */
  async mutate(name: string, args: object): Promise<MutationRejected | null> {
    const change = { id: this.nextId, name, args, createdAt: ++this.now };
    // mutate() writes inside one IndexedDB transaction, which a refusal aborts: a copy does the same here.
    const attempt = copyOf(this.store);
    try {
      await this.replay(attempt, change);
    } catch (error) {
      if (error instanceof MutationRejected) return error;
      throw error;
    }
    this.store = attempt;
    this.outbox.push(change);
    this.nextId++;
    return null;
  }

  push(server: ServerModel): Promise<void> {
    return server.push(this.clientId, this.actor, this.outbox);
  }

  async pull(server: ServerModel): Promise<void> {
    const confirmed = server.lastMutationIds.get(this.clientId) ?? 0;
    this.outbox = this.outbox.filter((change) => change.id > confirmed);
    this.store = copyOf(server.store);
    for (const change of this.outbox) {
      try {
        await this.replay(this.store, change);
      } catch (error) {
        // Impossible on the server's rows now: the server will refuse it too and say why.
        if (!(error instanceof MutationRejected)) throw error;
      }
    }
  }

  rejections(server: ServerModel): RecordedRejection[] {
    return server.rejections.filter((rejection) => rejection.clientId === this.clientId);
  }

  private replay(store: MemoryMutatorTx, change: QueuedChange): Promise<void> {
    return runMutation(store, change.name, change.args, {
      actor: this.actor,
      now: change.createdAt,
      clientId: this.clientId,
      mutationId: change.id,
    });
  }
}
