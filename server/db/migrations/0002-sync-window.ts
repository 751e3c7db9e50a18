import type { Migration } from '../migrate.ts';

/**
 * Sync engine v1. Every synced row gets columns derived from its entity's
 * registration (shared/sync/entities.ts), filled by the server whenever it
 * writes a row and recomputed when a registration changes (derived-columns.ts):
 *  - root_entity / root_id: the window root the row travels with (null: global);
 *  - window_key: when a root leaves the sync window (MAX while it is active);
 *  - index_keys: the values of its declared indexes, for mutators' `list`;
 *  - created_version: the version that first wrote it, so a pull can tell a new
 *    root from one that came back into the window.
 */
export const syncWindow: Migration = {
  id: 2,
  name: 'sync-window',
  sql: /* sql */ `
    alter table sync_rows
      add column root_entity text,
      add column root_id text,
      add column window_key bigint not null default 9007199254740991,
      add column index_keys text[] not null default '{}',
      add column created_version bigint not null default 0;
    update sync_rows set created_version = version;

    drop index sync_rows_by_version;
    create index sync_rows_changes on sync_rows (workspace_id, version, entity, id);
    create index sync_rows_window on sync_rows (workspace_id, entity, window_key, id);
    create index sync_rows_by_root on sync_rows (workspace_id, root_entity, root_id);
    create index sync_rows_index_keys on sync_rows using gin (index_keys);

    -- Which registration the derived columns of each entity were computed from.
    create table sync_layouts (
      entity text primary key,
      fingerprint text not null
    );

    -- Every workspace gets its settings row (clients read the sync window from it).
    insert into sync_rows (workspace_id, entity, id, data, version, created_version)
    select id, 'settings', 'settings', '{"id":"settings","syncWindowDays":30}'::jsonb, version, version from workspaces
    on conflict do nothing;

    alter table mutation_rejections
      add column subject jsonb,
      add column resolutions jsonb not null default '[]',
      -- Set when another device of the same person pushed the change (carried over by file): that
      -- device pulls the refusal too, since the device that made the change may never sync again.
      add column carrier_group_id text;
    create index mutation_rejections_by_carrier on mutation_rejections (carrier_group_id, version);
  `,
};
