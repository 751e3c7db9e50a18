import type { ImapFlowOptions } from 'imapflow';
import type { MailServer } from '../../../shared/api/mail.ts';

/** The team mailbox as the inbound side needs it: where, who, and which mailbox to watch. */
export type ImapMailbox = MailServer & { password: string | null; mailbox: string };

/** What the inbound modules log through; the server's pino logger fits. */
export interface InboundLog {
  warn: (obj: object, msg: string) => void;
  info?: (obj: object, msg: string) => void;
}

/**
 * ImapFlow options for one connection to `server`. `tls` is TLS from the first
 * byte; `starttls` must upgrade (doSTARTTLS: true refuses to send the password
 * in clear when a server, or someone in between, leaves STARTTLS out); `none`
 * never upgrades (loopback test servers).
 */
export function imapClientOptions(server: ImapMailbox, extra: ImapFlowOptions = {}): ImapFlowOptions {
  return {
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls',
    auth: { user: server.user, pass: server.password ?? '' },
    logger: false,
    // Every IDLE is started by the caller, so no IDLE lands between two of its commands.
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    ...extra,
  };
}

/** Why `server` cannot sign in at all, before trying: IMAP always needs a user and a password. */
export function missingCredentials(server: ImapMailbox): string | null {
  if (server.user.trim() === '') return 'IMAP always signs in: enter the mailbox user (usually the full address).';
  if (!server.password) {
    return `No password is set for ${server.user}: enter it (Gmail and Outlook need an app password).`;
  }
  return null;
}

/** Logs out politely, but never waits more than `ms` for a server that stopped answering. */
export async function closeImapClient(client: { logout: () => Promise<void>; close: () => void }, ms = 2_000) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.logout().catch(() => undefined),
    new Promise<void>((done) => {
      timer = setTimeout(done, ms);
    }),
  ]);
  clearTimeout(timer);
  client.close();
}
