import Dexie, { type Table } from 'dexie';
import { ENTITY_NAMES, type EntityName, type EntityRow, entities } from '#shared/sync/entities';
import { LOCAL_MIGRATIONS } from './local-migrations.ts';
import { SKELETON_STORES, currentStores } from './local-schema.ts';
import { LOCAL_TABLE_NAMES, type LocalKey, type LocalRow, type LocalTableName } from './local-tables.ts';

export type LocalTables = { [T in LocalTableName]: Table<LocalRow<T>, LocalKey<T>> };

/**
 * One IndexedDB database per signed-in user and workspace, so a shared
 * workstation never mixes two agents' queues or outboxes. Its tables are
 * derived from the synced-entity registrations and the local-table
 * declarations; data migrations are versioned in local-migrations.ts.
 */
export class ShiftdeskDb extends Dexie {
  readonly local: LocalTables;

  constructor(name: string) {
    super(name);
    this.version(1).stores(SKELETON_STORES);
    for (const migration of LOCAL_MIGRATIONS) {
      this.version(migration.version).stores(currentStores()).upgrade(migration.upgrade);
    }
    this.local = Object.fromEntries(
      LOCAL_TABLE_NAMES.map((name) => [name, this.table(name)]),
    ) as unknown as LocalTables;
  }

  /** The table that stores an entity's rows. */
  rows<E extends EntityName>(entity: E): Table<EntityRow<E>, string> {
    return this.table(entities[entity].table);
  }

  /** Every table a sync transaction may touch: all synced rows and all local bookkeeping. */
  syncTables(): Table[] {
    return [...ENTITY_NAMES.map((entity) => this.rows(entity)), ...LOCAL_TABLE_NAMES.map((name) => this.table(name))];
  }
}

export function databaseName(workspaceId: string, userId: string): string {
  return `shiftdesk-${workspaceId}-${userId}`;
}

export function shadowKey(entity: string, id: string): string {
  return `${entity}/${id}`;
}
