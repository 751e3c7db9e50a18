import { z } from 'zod';
import { ClientGroupId, ClientId } from '#shared/domain/ids';
import type { ShiftdeskDb } from './shiftdesk-db.ts';

/**
 * This database's sync identity and progress, kept in the same database as the
 * rows it describes so both always move together.
 */
export const SyncState = z.object({
  clientGroupId: ClientGroupId,
  clientId: ClientId,
  /** Null until a full pull has completed. */
  cookie: z.string().nullable(),
  /** Set while a paged full pull is under way, so a reload continues it. */
  resume: z.string().nullable(),
  nextMutationId: z.number().int().positive(),
  /** The highest mutation id the server has confirmed processing; it never goes back unless the server lost data. */
  ackedThrough: z.number().int().nonnegative(),
  lastSyncedAt: z.number().nullable(),
  /** Client ids this device used before starting over (a server that lost data); their changes are in the outbox, renumbered. */
  previousClientIds: z.array(ClientId).max(20).default([]),
});
export type SyncState = z.output<typeof SyncState>;

const KEY = 'sync';

/** Where new sync identities come from: random UUIDs, or a seeded source in simulations. */
export type NewId = () => string;
export const randomId: NewId = () => crypto.randomUUID();

function freshState(newId: NewId): SyncState {
  return {
    clientGroupId: ClientGroupId.parse(newId()),
    clientId: ClientId.parse(newId()),
    cookie: null,
    resume: null,
    nextMutationId: 1,
    ackedThrough: 0,
    lastSyncedAt: null,
    previousClientIds: [],
  };
}

/**
 * Reads the sync state, creating it on first use. Call inside a transaction
 * that includes `meta`. A damaged record is not silently replaced: losing the
 * client id would make the server skip this device's next mutations.
 */
export async function readSyncState(db: ShiftdeskDb, newId: NewId = randomId): Promise<SyncState> {
  const row = await db.local.meta.get(KEY);
  if (!row) {
    const state = freshState(newId);
    await db.local.meta.put({ key: KEY, value: state });
    return state;
  }
  const parsed = SyncState.safeParse(row.value);
  if (!parsed.success) throw new Error(`The local sync record is damaged: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function writeSyncState(db: ShiftdeskDb, state: SyncState): Promise<void> {
  await db.local.meta.put({ key: KEY, value: SyncState.parse(state) });
}

/** For display (live queries): the state if present and valid, else null. Never writes. */
export async function peekSyncState(db: ShiftdeskDb): Promise<SyncState | null> {
  const row = await db.local.meta.get(KEY);
  const parsed = SyncState.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}
