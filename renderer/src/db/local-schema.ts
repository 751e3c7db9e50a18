import type { Transaction } from 'dexie';
import { ENTITY_NAMES, entities } from '#shared/sync/entities';
import { LOCAL_TABLE_NAMES, localTables } from './local-tables.ts';

/**
 * The IndexedDB layout, derived from the registrations: one table per synced
 * entity (with its declared indexes) and one per local-only table. Dexie 4
 * applies added tables and indexes without a version bump, so a new entity
 * needs nothing here. A version is added only to migrate data (below).
 */
export function currentStores(): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const entity of ENTITY_NAMES) {
    const def = entities[entity];
    const clientOnly = CLIENT_ONLY_INDEXES[def.table] ?? [];
    stores[def.table] = ['id', ...(def.indexes as readonly string[]), ...clientOnly].join(', ');
  }
  for (const name of LOCAL_TABLE_NAMES) {
    const def = localTables[name];
    stores[name] = [def.key, ...def.indexes].join(', ');
  }
  return stores;
}

/**
 * Indexes only this device's query layer reads, which the server has no use
 * for: the queue's first screen is read from `[status+priority+createdAt]`
 * while the query layer is still loading (see renderer/src/query/preview-window.ts);
 * the ticket panel reads a customer's other open tickets, newest first, from
 * `[customerId+status+createdAt]` (see features/ticket-panel/other-open-tickets.ts).
 */
const CLIENT_ONLY_INDEXES: Readonly<Record<string, readonly string[]>> = {
  tickets: ['[status+priority+createdAt]', '[customerId+status+createdAt]'],
};

/** A released layout change that moves or reshapes data. Append only: a released step is never edited. */
export interface LocalMigration {
  version: number;
  description: string;
  upgrade: (tx: Transaction) => Promise<void>;
}

/** The walking skeleton's layout, as released: databases created by it open at version 1. */
export const SKELETON_STORES: Record<string, string> = {
  tickets: 'id, status, customerId, updatedAt',
  customers: 'id',
  ticketEvents: 'id, ticketId',
  members: 'id',
  rejections: 'id, at',
  outbox: 'id',
  shadows: 'key',
  meta: 'key',
};
