import type { z } from 'zod';
import type { ClientId, UserId } from '../domain/ids.ts';
import type { Action } from '../domain/permissions.ts';
import type { Role } from '../domain/roles.ts';
import type { SeededRandom } from '../util/seeded-random.ts';
import type { EntityRow, MutableEntityName, WorkspaceEntityName } from './entities.ts';

/**
 * The storage a mutator sees. Three implementations run the same mutator code:
 * the server's (Postgres, inside the push transaction), the client's (Dexie,
 * for the optimistic change) and a memory one (tests). One conformance suite
 * keeps them from drifting apart.
 */
export interface MutatorTx {
  get: <E extends WorkspaceEntityName>(entity: E, id: string) => Promise<EntityRow<E> | undefined>;
  put: <E extends MutableEntityName>(entity: E, row: EntityRow<E>) => Promise<void>;
  /** Deletes a row (a tombstone on the server, so clients hear of it). Deleting nothing is fine. */
  delete: <E extends MutableEntityName>(entity: E, id: string) => Promise<void>;
  /** Rows whose declared index `field` holds `value`, ordered by id. */
  list: <E extends WorkspaceEntityName>(entity: E, field: string, value: string | number) => Promise<EntityRow<E>[]>;
}

export interface MutationContext {
  actor: { id: UserId; role: Role };
  /** Wall-clock time of whoever runs the mutator: the client's guess, then the server's truth. */
  now: number;
  clientId: ClientId;
  mutationId: number;
}

/** What the sync simulation and the conformance suite know about the world, to draw plausible arguments. */
export interface SampleWorld {
  ticketIds: readonly string[];
  memberIds: readonly string[];
  tags: readonly string[];
  /** Saved views the acting device holds (its owner's, teammates' shared and personal ones). */
  savedViewIds: readonly string[];
  /** Macros the acting device holds. */
  macroIds: readonly string[];
  /** Messages the acting device holds (a replayed draft reuses one). */
  messageIds: readonly string[];
  /** Problems the acting device holds. */
  problemIds: readonly string[];
  /** Escalations the acting device holds. */
  escalationIds: readonly string[];
  /** Shifts the acting device holds. */
  shiftIds: readonly string[];
  /** Handovers the acting device holds. */
  handoverIds: readonly string[];
  /** The clock the mutation will run at (wall time in the simulation, the suite's fixed clock in conformance). */
  now: number;
}

export interface MutationDef<Args extends z.ZodType> {
  args: Args;
  /** The action in the role × action table; checked before the mutator runs, everywhere it runs. */
  permission: Action;
  /**
   * Further actions the mutator itself checks for some records (a lead changing
   * a teammate's shared view), declared so the role × action table's coverage
   * check knows they guard something.
   */
  alsoChecks?: readonly Action[];
  run: (tx: MutatorTx, args: z.output<Args>, ctx: MutationContext) => Promise<void>;
  /**
   * Draws arguments the way agents would make them (mostly valid, sometimes
   * stale or conflicting). Every mutation must have one, so the sync
   * simulation and the conformance suite exercise each new mutation unasked.
   */
  sample: (random: SeededRandom, world: SampleWorld) => z.input<Args>;
}

export function defineMutation<Args extends z.ZodType>(def: MutationDef<Args>): MutationDef<Args> {
  return def;
}
