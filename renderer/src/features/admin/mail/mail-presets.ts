import type { MailSecurity } from '#shared/api/mail';

export interface ServerAddress {
  host: string;
  port: number;
  security: MailSecurity;
}

export type MailPresetId = 'gmail' | 'microsoft365' | 'fastmail' | 'other';

export interface MailPreset {
  id: MailPresetId;
  label: string;
  /** Absent for "Other": choosing it leaves the fields as they are. */
  servers: { imap: ServerAddress; smtp: ServerAddress } | null;
}

/** The providers most small teams use, with the servers their own help pages give. */
export const MAIL_PRESETS: readonly MailPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail / Google Workspace',
    servers: {
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    },
  },
  {
    id: 'microsoft365',
    label: 'Microsoft 365 / Outlook',
    servers: {
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    },
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    servers: {
      imap: { host: 'imap.fastmail.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.fastmail.com', port: 465, security: 'tls' },
    },
  },
  { id: 'other', label: 'Other', servers: null },
];

const sameHost = (a: string, b: string) => a.trim().toLowerCase() === b;

/** The provider whose servers the form already holds (so the menu opens on it), or Other. */
export function presetMatching(imapHost: string, smtpHost: string): MailPresetId {
  const match = MAIL_PRESETS.find(
    ({ servers }) => servers && sameHost(imapHost, servers.imap.host) && sameHost(smtpHost, servers.smtp.host),
  );
  return match?.id ?? 'other';
}
