import type { Migration } from '../migrate.ts';

/**
 * A team that runs this for real: accounts that can be disabled, sessions with
 * idle and absolute expiry, API keys for intake, idempotent intake requests,
 * human-friendly ticket numbers, and an audit log nobody can rewrite.
 */
export const teamBackend: Migration = {
  id: 3,
  name: 'team-backend',
  sql: /* sql */ `
    alter table workspaces
      add column time_zone text not null default 'UTC',
      -- The next ticket number (#1001 first); taken under the workspace row lock.
      add column next_ticket_number bigint not null default 1001;

    alter table users
      add column disabled_at timestamptz,
      add column last_login_at timestamptz,
      add column updated_at timestamptz not null default now();

    -- expires_at stays the absolute expiry; idle expiry is last_seen_at + the idle limit.
    alter table sessions
      add column last_seen_at timestamptz not null default now(),
      add column ip text;

    create table api_keys (
      id text primary key,
      workspace_id text not null references workspaces(id),
      name text not null,
      scopes text[] not null,
      -- The first characters of the secret, to tell keys apart in lists and logs.
      prefix text not null,
      -- SHA-256 of the secret: keys are 256 random bits, so a fast hash is enough.
      secret_hash text not null unique,
      rate_per_minute integer not null,
      created_by text references users(id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_keys_by_workspace on api_keys (workspace_id, created_at);

    -- One row per (key, route, Idempotency-Key): a retry gets the first answer back.
    create table idempotency_keys (
      api_key_id text not null references api_keys(id),
      route text not null,
      key text not null,
      -- SHA-256 of the request body: the same key with a different body is a client bug (422).
      request_hash text not null,
      status integer not null,
      response jsonb not null,
      created_at timestamptz not null default now(),
      primary key (api_key_id, route, key)
    );
    create index idempotency_keys_by_age on idempotency_keys (created_at);

    create table ticket_numbers (
      workspace_id text not null references workspaces(id),
      number bigint not null,
      ticket_id text not null,
      primary key (workspace_id, number),
      unique (workspace_id, ticket_id)
    );

    alter table audit_log
      add column api_key_id text,
      add column ip text;
    create index audit_log_by_action on audit_log (workspace_id, action, id);

    -- Append-only: no update, delete or truncate path, whoever asks.
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only' using errcode = '42501';
    end
    $$;
    create trigger audit_log_no_update_or_delete
      before update or delete on audit_log
      for each row execute function audit_log_is_append_only();
    create trigger audit_log_no_truncate
      before truncate on audit_log
      for each statement execute function audit_log_is_append_only();
  `,
};
