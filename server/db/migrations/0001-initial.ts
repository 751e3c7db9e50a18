import type { Migration } from '../migrate.ts';

export const initial: Migration = {
  id: 1,
  name: 'initial',
  sql: /* sql */ `
    create table workspaces (
      id text primary key,
      name text not null,
      -- Bumped under a row lock by every push transaction: the sync cursor.
      version bigint not null default 0,
      -- Changes whenever the data starts a new life (a fresh database, a restore):
      -- cookies from another epoch are unknown, so clients download everything again.
      epoch text not null default gen_random_uuid()::text,
      created_at timestamptz not null default now()
    );

    create table users (
      id text primary key,
      workspace_id text not null references workspaces(id),
      email text not null unique,
      name text not null,
      role text not null check (role in ('agent', 'analyst', 'lead', 'trainee', 'admin')),
      password_hash text not null,
      created_at timestamptz not null default now()
    );

    create table sessions (
      token_hash text primary key,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user on sessions (user_id);

    -- Every synced row, whatever its entity: data is the zod-validated domain object.
    create table sync_rows (
      workspace_id text not null references workspaces(id),
      entity text not null,
      id text not null,
      data jsonb not null,
      version bigint not null,
      deleted boolean not null default false,
      primary key (workspace_id, entity, id)
    );
    create index sync_rows_by_version on sync_rows (workspace_id, version);

    create table client_groups (
      id text primary key,
      user_id text not null references users(id) on delete cascade,
      workspace_id text not null references workspaces(id),
      created_at timestamptz not null default now()
    );

    create table clients (
      id text primary key,
      client_group_id text not null references client_groups(id) on delete cascade,
      last_mutation_id bigint not null default 0,
      -- The workspace version at which last_mutation_id last moved.
      version bigint not null default 0,
      last_seen_at timestamptz not null default now()
    );
    create index clients_by_group on clients (client_group_id, version);

    create table mutation_rejections (
      client_group_id text not null references client_groups(id) on delete cascade,
      client_id text not null,
      mutation_id bigint not null,
      name text not null,
      code text not null,
      message text not null,
      rejected_at bigint not null,
      version bigint not null,
      primary key (client_id, mutation_id)
    );
    create index mutation_rejections_by_group on mutation_rejections (client_group_id, version);

    create table audit_log (
      id bigserial primary key,
      workspace_id text,
      user_id text,
      action text not null,
      detail jsonb not null default '{}',
      at timestamptz not null default now()
    );
    create index audit_log_by_workspace on audit_log (workspace_id, at);
  `,
};
