import type { ClientId, UserId } from '../domain/ids.ts';
import type { Role } from '../domain/roles.ts';
import type { EntityRow, MutableEntityName } from './entities.ts';

/**
 * The storage a mutator sees. The server implements it over Postgres inside the
 * push transaction; the client implements it over Dexie for the optimistic
 * change. One mutator body, two stores: the client's guess and the server's
 * truth come from the same code.
 */
export interface MutatorTx {
  get: <E extends MutableEntityName>(entity: E, id: string) => Promise<EntityRow<E> | undefined>;
  put: <E extends MutableEntityName>(entity: E, row: EntityRow<E>) => Promise<void>;
}

export interface MutationContext {
  actor: { id: UserId; role: Role };
  /** Wall-clock time of whoever runs the mutator: the client's guess, then the server's truth. */
  now: number;
  clientId: ClientId;
  mutationId: number;
}

export type Mutator<Args> = (tx: MutatorTx, args: Args, ctx: MutationContext) => Promise<void>;
