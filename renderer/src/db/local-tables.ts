import { z } from 'zod';
import { ClientGroupId, ClientId, EpochMs } from '#shared/domain/ids';
import { MacroActions } from '#shared/domain/macro';
import { AgentMessageKind, MESSAGE_BODY_MAX } from '#shared/domain/message';

/**
 * Device-only tables: state that never syncs (sync bookkeeping, dismissed
 * notices, later drafts). Declared like synced records, with a schema and
 * indexes, so the IndexedDB layout and its validation both derive from here.
 */
interface LocalTableDef<Row, Key extends keyof Row & string> {
  schema: z.ZodType<Row>;
  /** Dexie primary key, then secondary indexes. */
  key: Key;
  indexes: readonly string[];
}

function defineLocalTable<Row, Key extends keyof Row & string>(def: LocalTableDef<Row, Key>): LocalTableDef<Row, Key> {
  return def;
}

/** A change made here and not yet confirmed by the server (BRIEF §5 outbox). */
export const OutboxEntry = z.object({
  /** Per-client, strictly increasing: the server's idempotency key. */
  id: z.number().int().positive(),
  name: z.string().min(1).max(100),
  args: z.unknown(),
  createdAt: EpochMs,
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Changes imported from another device's export file: pushed under that device's identity, so never twice. */
export const ImportedEntry = OutboxEntry.extend({
  /** `clientId:id`. */
  key: z.string(),
  clientGroupId: ClientGroupId,
  clientId: ClientId,
  importedAt: EpochMs,
  /** When the server confirmed processing it; it is dropped once a pull started after that has arrived. */
  confirmedAt: EpochMs.nullable(),
});
export type ImportedEntry = z.infer<typeof ImportedEntry>;

/**
 * The server's version of a row that a pending change has changed locally
 * (null: the server has no such row). Pulls update shadows instead of the live
 * row; a rebase restores them and replays the outbox on top.
 */
export const ShadowRow = z.object({
  key: z.string(),
  entity: z.string(),
  id: z.string(),
  row: z.unknown(),
});
export type ShadowRow = z.infer<typeof ShadowRow>;

export const MetaRow = z.object({ key: z.string(), value: z.unknown() });
export type MetaRow = z.infer<typeof MetaRow>;

/** A notice the agent dismissed on this device (rejections stay as the server sent them). */
export const Dismissal = z.object({ id: z.string(), dismissedAt: EpochMs });
export type Dismissal = z.infer<typeof Dismissal>;

/** A row this device could not accept (from a pull, or found damaged by an upgrade): kept, shown, reported. */
export const SetAsideRow = z.object({
  /** `entity/id`. */
  key: z.string(),
  entity: z.string(),
  id: z.string(),
  value: z.unknown(),
  problem: z.string(),
  at: EpochMs,
  reported: z.boolean(),
});
export type SetAsideRow = z.infer<typeof SetAsideRow>;

/** A window root fetched on demand (older than the window): kept a while, then evicted again. */
export const FetchedRoot = z.object({ key: z.string(), entity: z.string(), id: z.string(), fetchedAt: EpochMs });
export type FetchedRoot = z.infer<typeof FetchedRoot>;

/**
 * A root that came back into the window without its children (they did not
 * change, so no pull brings them): fetched after the pull, and kept here until
 * that succeeds, so a lost connection cannot leave a ticket without its history.
 */
export const PendingFetch = z.object({ key: z.string(), entity: z.string(), id: z.string(), since: EpochMs });
export type PendingFetch = z.infer<typeof PendingFetch>;

/**
 * What the agent is writing on a ticket, kept on this device only: saved as
 * they type, so a reload, a crash or a dead battery loses nothing. One per
 * ticket; sending it (or discarding it) deletes it.
 */
export const Draft = z.object({
  ticketId: z.string().max(100),
  kind: AgentMessageKind,
  body: z.string().max(MESSAGE_BODY_MAX),
  /** When the agent began it. */
  startedAt: EpochMs,
  /**
   * The newest message on the ticket the agent had seen when they began (or
   * when they last chose "send anyway"): the stale-reply guard stops a send
   * when a teammate wrote after it.
   */
  seenUpTo: EpochMs,
  /** The macro it came from, and the ticket changes that macro makes when the message is sent. */
  macroId: z.string().max(100).optional(),
  actions: MacroActions.optional(),
  updatedAt: EpochMs,
});
export type Draft = z.infer<typeof Draft>;

export const localTables = {
  // By name: the conversation asks which of its messages are still unconfirmed without reading every change.
  outbox: defineLocalTable({ schema: OutboxEntry, key: 'id', indexes: ['name'] }),
  importedOutbox: defineLocalTable({ schema: ImportedEntry, key: 'key', indexes: ['importedAt'] }),
  shadows: defineLocalTable({ schema: ShadowRow, key: 'key', indexes: [] }),
  meta: defineLocalTable({ schema: MetaRow, key: 'key', indexes: [] }),
  dismissals: defineLocalTable({ schema: Dismissal, key: 'id', indexes: [] }),
  setAside: defineLocalTable({ schema: SetAsideRow, key: 'key', indexes: ['at'] }),
  fetchedRoots: defineLocalTable({ schema: FetchedRoot, key: 'key', indexes: ['fetchedAt'] }),
  pendingFetches: defineLocalTable({ schema: PendingFetch, key: 'key', indexes: [] }),
  drafts: defineLocalTable({ schema: Draft, key: 'ticketId', indexes: ['updatedAt'] }),
};

export type LocalTableName = keyof typeof localTables;
export type LocalRow<T extends LocalTableName> = z.infer<(typeof localTables)[T]['schema']>;
export type LocalKey<T extends LocalTableName> = LocalRow<T>[(typeof localTables)[T]['key'] & keyof LocalRow<T>];
export const LOCAL_TABLE_NAMES = Object.keys(localTables) as LocalTableName[];
