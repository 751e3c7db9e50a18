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
    stores[def.table] = ['id', ...(def.indexes as readonly string[])].join(', ');
  }
  for (const name of LOCAL_TABLE_NAMES) {
    const def = localTables[name];
    stores[name] = [def.key, ...def.indexes].join(', ');
  }
  return stores;
}

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
