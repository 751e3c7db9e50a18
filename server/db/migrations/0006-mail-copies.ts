import type { Migration } from '../migrate.ts';

/**
 * One outbound row per copy of a reply, not per reply: a reply on a ticket
 * with merged duplicates goes to every requester, each as their own mail in
 * their own thread. The key becomes (team, message, recipient), so the same
 * copy can still never be queued twice; `thread_ticket_id` is the ticket whose
 * thread the copy continues (the requester's own, merged or not); and each
 * copy's Message-ID is unique, which the Bcc-self and in-doubt checks rely on
 * to settle exactly the copy they saw. Existing rows become the single copy of
 * their reply, to the address they already had.
 */
export const mailCopies: Migration = {
  id: 6,
  name: 'mail-copies',
  sql: /* sql */ `
    alter table mail_outbox add column recipient text;
    alter table mail_outbox add column thread_ticket_id text;
    update mail_outbox set recipient = lower(to_email), thread_ticket_id = ticket_id;
    alter table mail_outbox alter column recipient set not null;
    alter table mail_outbox alter column thread_ticket_id set not null;

    alter table mail_outbox drop constraint mail_outbox_pkey;
    alter table mail_outbox add primary key (workspace_id, message_id, recipient);

    drop index mail_outbox_rfc;
    create unique index mail_outbox_rfc on mail_outbox (workspace_id, rfc_message_id);
  `,
};
