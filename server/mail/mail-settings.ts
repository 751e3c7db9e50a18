import { z } from 'zod';
import { FromAddress, MailServer } from '#shared/api/mail';

/**
 * The email channel's settings as the server keeps them: what the admin
 * screen edits, with the passwords (which never leave the server). Read back
 * through this schema, so a damaged row is an error, not a half-configured
 * mailbox.
 */
const StoredServer = MailServer.extend({ password: z.string().max(1_000).nullable() });
export const StoredImapServer = StoredServer.extend({ mailbox: z.string().min(1).max(200) });
export type StoredImapServer = z.infer<typeof StoredImapServer>;
export const StoredSmtpServer = StoredServer;
export type StoredSmtpServer = z.infer<typeof StoredSmtpServer>;

export const StoredMailSettings = z.object({
  inbound: z.object({
    enabled: z.boolean(),
    imap: StoredImapServer.nullable(),
    pollSeconds: z.number().int().min(10).max(3_600),
  }),
  outbound: z.object({
    enabled: z.boolean(),
    smtp: StoredSmtpServer.nullable(),
    from: FromAddress.nullable(),
  }),
});
export type StoredMailSettings = z.infer<typeof StoredMailSettings>;

export const MAIL_OFF: StoredMailSettings = {
  inbound: { enabled: false, imap: null, pollSeconds: 60 },
  outbound: { enabled: false, smtp: null, from: null },
};

/** The parts a running channel needs, present only when that direction is on and complete. */
export function activeInbound(settings: StoredMailSettings): StoredImapServer | null {
  return settings.inbound.enabled ? settings.inbound.imap : null;
}

export function activeOutbound(
  settings: StoredMailSettings,
): { smtp: StoredSmtpServer; from: z.infer<typeof FromAddress> } | null {
  const { enabled, smtp, from } = settings.outbound;
  return enabled && smtp && from ? { smtp, from } : null;
}
