import type { Migration } from '../migrate.ts';

/**
 * The email channel: settings per team, the durable outbound queue (one row
 * per reply, so a reply can never be queued twice), which Message-IDs belong
 * to which ticket (threading), every inbound mail's outcome (so a mail seen
 * twice is ingested once, and held mail is listed), the IMAP progress, and
 * attachments.
 */
export const email: Migration = {
  id: 5,
  name: 'email',
  sql: /* sql */ `
    create table mail_settings (
      workspace_id text primary key references workspaces(id),
      settings jsonb not null,
      updated_at bigint not null
    );

    create table mail_outbox (
      workspace_id text not null references workspaces(id),
      message_id text not null,
      ticket_id text not null,
      rfc_message_id text not null,
      to_email text not null,
      -- queued: waiting or retrying; sending: an attempt started (after a crash: in doubt); sent; failed: for good.
      state text not null check (state in ('queued', 'sending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at bigint not null,
      last_error text,
      created_at bigint not null,
      sent_at bigint,
      primary key (workspace_id, message_id)
    );
    create index mail_outbox_due on mail_outbox (workspace_id, next_attempt_at) where state in ('queued', 'sending');
    create index mail_outbox_rfc on mail_outbox (workspace_id, rfc_message_id);

    create table mail_threads (
      workspace_id text not null references workspaces(id),
      rfc_message_id text not null,
      ticket_id text not null,
      message_id text,
      direction text not null check (direction in ('in', 'out')),
      at bigint not null,
      primary key (workspace_id, rfc_message_id)
    );
    create index mail_threads_ticket on mail_threads (workspace_id, ticket_id, at);

    create table mail_inbound (
      workspace_id text not null references workspaces(id),
      -- imap:<uidvalidity>:<uid>, smtp:<sha256>, so the same delivery is never ingested twice.
      source_key text not null,
      rfc_message_id text,
      from_email text,
      subject text not null,
      received_at bigint not null,
      outcome text not null check (outcome in ('created', 'added', 'held', 'bounce', 'own', 'duplicate')),
      reason text,
      ticket_id text,
      -- Held mail that came over SMTP has no mailbox copy: its bytes are kept here.
      raw bytea,
      primary key (workspace_id, source_key)
    );
    create index mail_inbound_sender on mail_inbound (workspace_id, from_email, received_at);
    create index mail_inbound_rfc on mail_inbound (workspace_id, rfc_message_id);
    create index mail_inbound_held on mail_inbound (workspace_id, received_at) where outcome = 'held';

    create table mail_cursors (
      workspace_id text not null references workspaces(id),
      mailbox text not null,
      uid_validity text not null,
      last_uid bigint not null,
      -- Set while a first import of unseen mail is under way (server/mail/inbound/imap-fetcher.ts).
      import_until bigint,
      primary key (workspace_id, mailbox)
    );

    create table attachments (
      workspace_id text not null references workspaces(id),
      id text not null,
      ticket_id text not null,
      message_id text,
      filename text not null,
      content_type text not null,
      size integer not null,
      data bytea,
      created_at bigint not null,
      primary key (workspace_id, id)
    );
  `,
};
