import type { z } from 'zod';

/** Where a record lives and which clients hold it (BRIEF §4: the client holds a window, not the history). */
export type EntityScope<Row> =
  /** Every client holds every row: team members, customers, settings (later macros, views, SLA policies). */
  | { kind: 'global' }
  /**
   * A window root: clients hold it while `windowAt(row)` is null (always, e.g. an active ticket) or
   * falls within the team's sync window. Older roots are fetched on demand and evicted again.
   */
  | {
      kind: 'root';
      windowAt: (row: Row) => number | null;
      /**
       * An indexed field never below `windowAt` (when that is not null), so a device finds what
       * left its window by reading the rows below the cutoff on that index, not the whole table.
       */
      windowIndex: keyof Row & string;
    }
  /** Travels with its root: held exactly while the root is (a ticket's history, later its messages). */
  | { kind: 'child'; root: string; rootKey: keyof Row & string }
  /** Belongs to one device's database rather than the workspace: rejections of that device's changes. */
  | { kind: 'device' };

export type ScopeKind = EntityScope<unknown>['kind'];

/** A secondary index: a field, or `*field` for each element of an array field (tags). */
export type IndexSpec<Row> = (keyof Row & string) | `*${keyof Row & string}`;

/**
 * Everything the product needs to know about one synced record type. From this
 * one declaration follow: server storage and its derived columns (window,
 * indexes), pull, the client's IndexedDB table and indexes, row validation on
 * both sides, and which mutators may write it.
 */
export interface EntityDef<Row extends { id: string }, Kind extends ScopeKind, Writer extends EntityWriter> {
  schema: z.ZodType<Row>;
  /** The client's IndexedDB table. */
  table: string;
  /** Indexes mutators may `list` by (server and client), and the client's queries use. */
  indexes: readonly IndexSpec<Row>[];
  scope: Extract<EntityScope<Row>, { kind: Kind }>;
  /** `mutators`: shared mutators write it; `server`: only the server does (accounts, settings, sync bookkeeping). */
  writtenBy: Writer;
}

export type EntityWriter = 'mutators' | 'server';

export function defineEntity<Row extends { id: string }, Kind extends ScopeKind, Writer extends EntityWriter>(
  def: EntityDef<Row, Kind, Writer>,
): EntityDef<Row, Kind, Writer> {
  return def;
}

/** The field an index reads, without the multi-entry star. */
export function indexField(spec: string): string {
  return spec.startsWith('*') ? spec.slice(1) : spec;
}

/**
 * The values of one row under one index, as strings: how the server stores
 * them for `list`. Null and missing values are not indexed (as in IndexedDB).
 */
export function indexKeysOf(row: Record<string, unknown>, spec: string): string[] {
  const field = indexField(spec);
  const value = row[field];
  const values = spec.startsWith('*') && Array.isArray(value) ? (value as unknown[]) : [value];
  return values.filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => indexKey(field, v));
}

/** `status:"open"`: field and JSON value, so numbers and strings never collide. */
export function indexKey(field: string, value: string | number): string {
  return `${field}:${JSON.stringify(value)}`;
}
