import type { HeldMail, MailSettings } from '#shared/api/mail';
import type { Sql } from '../db/database.ts';
import type { MailService } from './mail-service.ts';
import type { StoredImapServer, StoredSmtpServer } from './mail-settings.ts';
import { queueCounts } from './outbound/mail-outbox.ts';

function hidePassword<T extends StoredImapServer | StoredSmtpServer>(server: T | null) {
  if (!server) return null;
  const { password, ...rest } = server;
  return { ...rest, passwordSet: password !== null && password !== '' };
}

/** The admin screen's view of a team's email: settings without passwords, status, queue and held mail. */
export async function mailSettingsView(sql: Sql, mail: MailService, workspaceId: string): Promise<MailSettings> {
  const { source, settings } = await mail.store.read(sql, workspaceId);
  const held = await sql.query<{ received_at: string | number; from_email: string | null; subject: string; reason: string | null }>(
    `select received_at, from_email, subject, reason from mail_inbound
     where workspace_id = $1 and outcome = 'held' order by received_at desc limit 100`,
    [workspaceId],
  );
  return {
    source,
    inbound: { ...settings.inbound, imap: hidePassword(settings.inbound.imap) },
    outbound: { ...settings.outbound, smtp: hidePassword(settings.outbound.smtp) },
    status: mail.status(workspaceId),
    queue: await queueCounts(sql, workspaceId),
    held: held.map(
      (row): HeldMail => ({
        at: Number(row.received_at),
        from: (row.from_email ?? 'unknown sender').slice(0, 320),
        subject: row.subject.slice(0, 500),
        reason: (row.reason ?? 'held').slice(0, 300),
      }),
    ),
  };
}
