import {
  FromAddress,
  MailServer,
  type MailSecurity,
  type MailServerInput,
  type MailSettings,
  type MailServerView,
  type TestMailConnectionRequest,
  type UpdateMailSettingsRequest,
} from '#shared/api/mail';
import type { FieldProblems } from '../../../ui/field-problems.ts';
import { MAIL_PRESETS, type MailPresetId, type ServerAddress } from './mail-presets.ts';

/** One server's fields as typed. The password is never filled from the server: it only says whether one is set. */
export interface ServerDraft {
  host: string;
  port: string;
  security: MailSecurity;
  user: string;
  password: string;
  passwordSet: boolean;
}

export interface MailDraft {
  inbound: { enabled: boolean; server: ServerDraft; mailbox: string; pollSeconds: string };
  outbound: { enabled: boolean; server: ServerDraft; fromEmail: string; fromName: string };
}

export type MailDirection = 'imap' | 'smtp';
type ServerField = 'Host' | 'Port' | 'User' | 'Password';
export type MailField = `${MailDirection}${ServerField}` | 'mailbox' | 'pollSeconds' | 'fromEmail' | 'fromName';
export type MailProblems = FieldProblems<MailField>;

type Checked<T> = { ok: true; value: T } | { ok: false; problems: MailProblems };

export const POLL_SECONDS = { min: 10, max: 3_600 } as const;
const PASSWORD_MAX = 1_000;
/** Where a new server starts: TLS on the provider-standard port, which is what almost every provider wants. */
const NEW_SERVER: Record<MailDirection, ServerAddress> = {
  imap: { host: '', port: 993, security: 'tls' },
  smtp: { host: '', port: 465, security: 'tls' },
};

function serverDraft(view: MailServerView | null, direction: MailDirection): ServerDraft {
  const server = view ?? { ...NEW_SERVER[direction], user: '', passwordSet: false };
  return {
    host: server.host,
    port: String(server.port),
    security: server.security,
    user: server.user,
    password: '',
    passwordSet: server.passwordSet,
  };
}

export function draftOf(settings: MailSettings): MailDraft {
  const { inbound, outbound } = settings;
  return {
    inbound: {
      enabled: inbound.enabled,
      server: serverDraft(inbound.imap, 'imap'),
      mailbox: inbound.imap?.mailbox ?? 'INBOX',
      pollSeconds: String(inbound.pollSeconds),
    },
    outbound: {
      enabled: outbound.enabled,
      server: serverDraft(outbound.smtp, 'smtp'),
      fromEmail: outbound.from?.email ?? '',
      fromName: outbound.from?.name ?? '',
    },
  };
}

/** A provider's hosts, ports and security in both sections; user names and passwords stay as typed. */
export function withPreset(draft: MailDraft, preset: MailPresetId): MailDraft {
  const servers = MAIL_PRESETS.find((one) => one.id === preset)?.servers;
  if (!servers) return draft;
  const fill = (server: ServerDraft, address: ServerAddress): ServerDraft => ({
    ...server,
    host: address.host,
    port: String(address.port),
    security: address.security,
  });
  return {
    inbound: { ...draft.inbound, server: fill(draft.inbound.server, servers.imap) },
    outbound: { ...draft.outbound, server: fill(draft.outbound.server, servers.smtp) },
  };
}

const NAMES: Record<MailDirection, { protocol: string; example: string; ports: string }> = {
  imap: { protocol: 'IMAP', example: 'imap.example.com', ports: '993 with TLS, 143 with STARTTLS' },
  smtp: { protocol: 'SMTP', example: 'smtp.example.com', ports: '465 with TLS, 587 with STARTTLS' },
};

/** One server's fields checked and shaped for the request; the password only when one was typed. */
function checkServer(server: ServerDraft, direction: MailDirection, problems: MailProblems): MailServerInput | null {
  const names = NAMES[direction];
  const host = server.host.trim();
  if (host === '') problems[`${direction}Host`] = `Enter the ${names.protocol} server, such as ${names.example}.`;
  else if (!MailServer.shape.host.safeParse(host).success) {
    problems[`${direction}Host`] = `Enter a host name such as ${names.example}, or an IP address.`;
  }
  const port = /^\d{1,5}$/.test(server.port.trim()) ? Number(server.port.trim()) : Number.NaN;
  if (!MailServer.shape.port.safeParse(port).success) {
    problems[`${direction}Port`] = `Enter a port from 1 to 65535 (usually ${names.ports}).`;
  }
  const user = server.user.trim();
  if (!MailServer.shape.user.safeParse(user).success) problems[`${direction}User`] = 'Enter at most 320 characters.';
  // Passwords are taken exactly as typed: spaces can be part of one (Gmail shows app passwords in groups).
  const password = server.password;
  if (password.length > PASSWORD_MAX) problems[`${direction}Password`] = `Enter at most ${PASSWORD_MAX} characters.`;
  else if (user !== '' && password === '' && !server.passwordSet) {
    problems[`${direction}Password`] =
      'Enter the password for this user (an app password where the provider asks for one).';
  }
  if (Object.keys(problems).some((field) => field.startsWith(direction))) return null;
  // No user: the server is used without signing in, so a typed password has nothing to go with.
  return { host, port, security: server.security, user, ...(user !== '' && password !== '' ? { password } : {}) };
}

function checkMailbox(mailbox: string, problems: MailProblems): string {
  const name = mailbox.trim();
  if (name === '' || name.length > 200) problems.mailbox = 'Enter the mailbox to watch, usually INBOX.';
  return name;
}

function checkPollSeconds(value: string, problems: MailProblems): number {
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(seconds >= POLL_SECONDS.min && seconds <= POLL_SECONDS.max)) {
    problems.pollSeconds = `Enter a whole number of seconds from ${POLL_SECONDS.min} to ${POLL_SECONDS.max.toLocaleString('en')}.`;
  }
  return seconds;
}

function checkFrom(draft: MailDraft['outbound'], problems: MailProblems): FromAddress | null {
  const email = draft.fromEmail.trim();
  const name = draft.fromName.trim();
  if (email === '') {
    if (draft.enabled) problems.fromEmail = 'Enter the address replies are sent from, such as support@example.com.';
    else if (name !== '') problems.fromEmail = 'Enter the address this name goes with.';
    return null;
  }
  if (!FromAddress.shape.email.safeParse(email).success) {
    problems.fromEmail = 'Enter an email address such as support@example.com.';
  }
  if (name.length > 200) problems.fromName = 'Enter at most 200 characters.';
  return { email, name };
}

/**
 * The whole form as the update request. A section switched off with no
 * server keeps none; one switched off with a server keeps it (checked all the
 * same), so turning email off for a night never loses the settings.
 */
export function mailRequest(draft: MailDraft): Checked<UpdateMailSettingsRequest> {
  const problems: MailProblems = {};
  const { inbound, outbound } = draft;
  const keepImap = inbound.enabled || inbound.server.host.trim() !== '';
  const imapServer = keepImap ? checkServer(inbound.server, 'imap', problems) : null;
  const mailbox = checkMailbox(inbound.mailbox, problems);
  const pollSeconds = checkPollSeconds(inbound.pollSeconds, problems);
  const keepSmtp = outbound.enabled || outbound.server.host.trim() !== '';
  const smtp = keepSmtp ? checkServer(outbound.server, 'smtp', problems) : null;
  const from = checkFrom(outbound, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      inbound: { enabled: inbound.enabled, imap: imapServer && { ...imapServer, mailbox }, pollSeconds },
      outbound: { enabled: outbound.enabled, smtp, from },
    },
  };
}

/** One section's server, to try before saving; no password typed means the saved one. */
export function testRequest(draft: MailDraft, direction: MailDirection): Checked<TestMailConnectionRequest> {
  const problems: MailProblems = {};
  if (direction === 'imap') {
    const server = checkServer(draft.inbound.server, 'imap', problems);
    const mailbox = checkMailbox(draft.inbound.mailbox, problems);
    return server && !problems.mailbox
      ? { ok: true, value: { kind: 'imap', server: { ...server, mailbox } } }
      : { ok: false, problems };
  }
  const server = checkServer(draft.outbound.server, 'smtp', problems);
  return server ? { ok: true, value: { kind: 'smtp', server } } : { ok: false, problems };
}
