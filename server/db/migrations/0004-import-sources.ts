import type { Migration } from '../migrate.ts';

/**
 * Which source ticket (`zendesk-1234`) became which of ours, so importing the
 * same export again skips what is already here. A plain b-tree: the lookup of
 * a thousand ids per batch must stay an index lookup while the import's own
 * rows pile up in the same transaction, which the GIN index on index_keys
 * (with its pending list and young statistics) does not guarantee.
 */
export const importSources: Migration = {
  id: 4,
  name: 'import-sources',
  sql: /* sql */ `
    create table import_sources (
      workspace_id text not null references workspaces(id),
      source_key text not null,
      ticket_id text not null,
      -- The workspace version of the import that wrote it: tells "earlier in this file" from "imported before".
      version bigint not null,
      primary key (workspace_id, source_key)
    );
  `,
};
