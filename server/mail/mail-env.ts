import { z } from 'zod';
import { MailSecurity } from '#shared/api/mail';
import type { StoredMailSettings } from './mail-settings.ts';

/**
 * The email channel from environment variables (README, "Email"). When the
 * IMAP or SMTP host is set, the environment owns the settings and the admin
 * screen shows them read-only; otherwise admins configure email in the app.
 */
export const MailEnv = z.object({
  SHIFTDESK_IMAP_HOST: z.string().min(1).optional(),
  SHIFTDESK_IMAP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  SHIFTDESK_IMAP_SECURITY: MailSecurity.default('tls'),
  SHIFTDESK_IMAP_USER: z.string().default(''),
  SHIFTDESK_IMAP_PASSWORD: z.string().optional(),
  SHIFTDESK_IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  SHIFTDESK_MAIL_POLL_SECONDS: z.coerce.number().int().min(10).max(3_600).default(60),
  SHIFTDESK_SMTP_HOST: z.string().min(1).optional(),
  SHIFTDESK_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  SHIFTDESK_SMTP_SECURITY: MailSecurity.default('starttls'),
  SHIFTDESK_SMTP_USER: z.string().default(''),
  SHIFTDESK_SMTP_PASSWORD: z.string().optional(),
  SHIFTDESK_MAIL_FROM: z.string().min(3).optional(),
  SHIFTDESK_MAIL_WORKSPACE: z.string().min(1).optional(),
  SHIFTDESK_SMTP_LISTEN_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  SHIFTDESK_SMTP_LISTEN_HOST: z.string().min(1).default('127.0.0.1'),
  SHIFTDESK_SMTP_LISTEN_DOMAINS: z.string().optional(),
  SHIFTDESK_MAIL_ATTACHMENT_MAX_MB: z.coerce.number().min(0.01).max(100).default(10),
  SHIFTDESK_MAIL_SENDER_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  SHIFTDESK_MAIL_BCC_SELF: z.enum(['on', 'off']).default('on'),
  SHIFTDESK_MAIL_IN_DOUBT_SECONDS: z.coerce.number().min(1).max(86_400).default(120),
  SHIFTDESK_MAIL_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3_600).default(30),
});
type MailEnvValues = z.infer<typeof MailEnv>;

/** Tuning that applies however the channel is configured. */
export interface MailTuning {
  attachmentMaxBytes: number;
  /** Mails per sender per hour that become tickets or messages; more are held (a flood or a loop). */
  senderLimitPerHour: number;
  /** Bcc every reply to the team address: a copy in the mailbox, and how a send cut off by a crash is settled. */
  bccSelf: boolean;
  /** How long a send cut off by a crash waits for its copy to show up in the mailbox before it is sent again. */
  inDoubtMs: number;
  retryBaseMs: number;
}

export interface MailEnvConfig {
  /** Settings from the environment, or null when admins configure email in the app. */
  settings: StoredMailSettings | null;
  /** Which team the environment's mailbox belongs to; unset: the only team. */
  workspace: string | undefined;
  /** Accept mail over SMTP directly (a relay pointed at the server). */
  smtpListen: { port: number; host: string; domains: string[] } | null;
  tuning: MailTuning;
}

/** `Acme Support <support@acme.com>` or `support@acme.com`. */
export function parseFromAddress(value: string): { email: string; name: string } | null {
  const match = /^\s*(?:"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))\s*$/.exec(value);
  if (!match) return null;
  const email = (match[2] ?? match[3] ?? '').toLowerCase();
  if (!z.email().safeParse(email).success) return null;
  return { email, name: (match[1] ?? '').trim() };
}

function defaultPort(security: MailSecurity, ports: { tls: number; starttls: number; none: number }): number {
  return ports[security];
}

function envSettings(e: MailEnvValues): StoredMailSettings | null {
  if (!e.SHIFTDESK_IMAP_HOST && !e.SHIFTDESK_SMTP_HOST) return null;
  const from = e.SHIFTDESK_MAIL_FROM ? parseFromAddress(e.SHIFTDESK_MAIL_FROM) : null;
  return {
    inbound: {
      enabled: Boolean(e.SHIFTDESK_IMAP_HOST),
      imap: e.SHIFTDESK_IMAP_HOST
        ? {
            host: e.SHIFTDESK_IMAP_HOST,
            port:
              e.SHIFTDESK_IMAP_PORT ?? defaultPort(e.SHIFTDESK_IMAP_SECURITY, { tls: 993, starttls: 143, none: 143 }),
            security: e.SHIFTDESK_IMAP_SECURITY,
            user: e.SHIFTDESK_IMAP_USER,
            password: e.SHIFTDESK_IMAP_PASSWORD ?? null,
            mailbox: e.SHIFTDESK_IMAP_MAILBOX,
          }
        : null,
      pollSeconds: e.SHIFTDESK_MAIL_POLL_SECONDS,
    },
    outbound: {
      enabled: Boolean(e.SHIFTDESK_SMTP_HOST && from),
      smtp: e.SHIFTDESK_SMTP_HOST
        ? {
            host: e.SHIFTDESK_SMTP_HOST,
            port: e.SHIFTDESK_SMTP_PORT ?? defaultPort(e.SHIFTDESK_SMTP_SECURITY, { tls: 465, starttls: 587, none: 25 }),
            security: e.SHIFTDESK_SMTP_SECURITY,
            user: e.SHIFTDESK_SMTP_USER,
            password: e.SHIFTDESK_SMTP_PASSWORD ?? null,
          }
        : null,
      from,
    },
  };
}

/** Checks the combination rules a schema per variable cannot; returns problems in the config error's style. */
export function mailEnvProblems(e: MailEnvValues): string[] {
  const problems: string[] = [];
  if (e.SHIFTDESK_SMTP_HOST && !e.SHIFTDESK_MAIL_FROM) {
    problems.push('SHIFTDESK_MAIL_FROM: is required when SHIFTDESK_SMTP_HOST is set (the address replies come from)');
  }
  if (e.SHIFTDESK_MAIL_FROM && !parseFromAddress(e.SHIFTDESK_MAIL_FROM)) {
    problems.push('SHIFTDESK_MAIL_FROM: must be an address, or a name and an address: "Acme Support <support@acme.com>"');
  }
  if (e.SHIFTDESK_SMTP_LISTEN_PORT !== undefined && !e.SHIFTDESK_SMTP_LISTEN_DOMAINS && !e.SHIFTDESK_MAIL_FROM) {
    problems.push('SHIFTDESK_SMTP_LISTEN_DOMAINS: is required with SHIFTDESK_SMTP_LISTEN_PORT unless SHIFTDESK_MAIL_FROM is set');
  }
  return problems;
}

export function mailEnvConfig(e: MailEnvValues): MailEnvConfig {
  const settings = envSettings(e);
  const fromDomain = settings?.outbound.from?.email.split('@')[1];
  const listDomains = (e.SHIFTDESK_SMTP_LISTEN_DOMAINS ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase())
    .filter(Boolean);
  return {
    settings,
    workspace: e.SHIFTDESK_MAIL_WORKSPACE,
    smtpListen:
      e.SHIFTDESK_SMTP_LISTEN_PORT === undefined
        ? null
        : {
            port: e.SHIFTDESK_SMTP_LISTEN_PORT,
            host: e.SHIFTDESK_SMTP_LISTEN_HOST,
            domains: listDomains.length > 0 ? listDomains : fromDomain ? [fromDomain] : [],
          },
    tuning: {
      attachmentMaxBytes: Math.round(e.SHIFTDESK_MAIL_ATTACHMENT_MAX_MB * 1024 * 1024),
      senderLimitPerHour: e.SHIFTDESK_MAIL_SENDER_LIMIT_PER_HOUR,
      bccSelf: e.SHIFTDESK_MAIL_BCC_SELF === 'on',
      inDoubtMs: e.SHIFTDESK_MAIL_IN_DOUBT_SECONDS * 1000,
      retryBaseMs: e.SHIFTDESK_MAIL_RETRY_BASE_SECONDS * 1000,
    },
  };
}
