import type { DatabaseKind } from '#shared/api/health';

/** Uint8Array (a Buffer) is bytea: attachments. */
export type SqlParam = string | number | boolean | null | readonly string[] | readonly number[] | Uint8Array;

/** The one query method every store and transaction offers. */
export interface Sql {
  query: <Row extends object>(text: string, params?: readonly SqlParam[]) => Promise<Row[]>;
  /** Runs several statements without parameters (migrations). */
  exec: (text: string) => Promise<void>;
}

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

/**
 * The team backend's database, Postgres or embedded PGlite. Everything above this
 * interface is written once and tested against both.
 */
export interface Database extends Sql {
  readonly kind: DatabaseKind;
  transaction: <T>(work: (tx: Sql) => Promise<T>, options?: { isolation?: IsolationLevel }) => Promise<T>;
  /** Subscribes to NOTIFY on a channel; resolves once listening, to an unsubscribe function. */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
}

export function beginStatement(isolation: IsolationLevel | undefined): string {
  return isolation ? `begin isolation level ${isolation}` : 'begin';
}
