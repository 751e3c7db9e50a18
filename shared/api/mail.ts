import { z } from 'zod';
import { EpochMs } from '../domain/ids.ts';

/**
 * The email channel's settings and status, as the admin screen and the
 * composer see them. Passwords go in (on change) but never come back out:
 * a reader only learns whether one is set.
 */

/** `tls`: TLS from the first byte (993, 465); `starttls`: upgraded after connecting (143, 587); `none`: loopback test servers only. */
export const MailSecurity = z.enum(['tls', 'starttls', 'none']);
export type MailSecurity = z.infer<typeof MailSecurity>;

const Host = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]_-]+$/, 'must be a host name or an IP address');
const Port = z.number().int().min(1).max(65_535);
const MailUser = z.string().max(320);
const Password = z.string().min(1).max(1_000);
/** An IMAP mailbox name; INBOX for most teams, a label such as "Support" for some. */
const MailboxName = z.string().trim().min(1).max(200);

export const MailServer = z.object({
  host: Host,
  port: Port,
  security: MailSecurity,
  /** Empty: no authentication (a relay that trusts the server's address). */
  user: MailUser,
});
export type MailServer = z.infer<typeof MailServer>;

/** What a reader sees of a server's settings: everything but the password. */
export const MailServerView = MailServer.extend({ passwordSet: z.boolean() });
export type MailServerView = z.infer<typeof MailServerView>;

/** A server's settings on the way in; no password keeps the stored one. */
export const MailServerInput = MailServer.extend({ password: Password.optional() });
export type MailServerInput = z.infer<typeof MailServerInput>;

export const FromAddress = z.object({
  email: z.email().max(320),
  name: z.string().trim().max(200),
});
export type FromAddress = z.infer<typeof FromAddress>;

export const MailChannelState = z.enum(['off', 'connecting', 'ok', 'error']);
export type MailChannelState = z.infer<typeof MailChannelState>;

/** How one direction is doing right now, in words an admin can act on. */
export const MailChannelStatus = z.object({
  state: MailChannelState,
  at: EpochMs.nullable(),
  detail: z.string().max(500),
});
export type MailChannelStatus = z.infer<typeof MailChannelStatus>;

/** Mail kept out of the queue: loops stopped, autoresponders, senders over their rate. */
export const HeldMail = z.object({
  at: EpochMs,
  from: z.string().max(320),
  subject: z.string().max(500),
  reason: z.string().max(300),
});
export type HeldMail = z.infer<typeof HeldMail>;

export const MailSettings = z.object({
  /** `environment`: the server's env vars set them and the screen is read-only; `admin`: saved here; `none`: email is off. */
  source: z.enum(['environment', 'admin', 'none']),
  inbound: z.object({
    enabled: z.boolean(),
    imap: MailServerView.extend({ mailbox: MailboxName }).nullable(),
    /** Seconds between checks when the server does not support IDLE (or it drops). */
    pollSeconds: z.number().int().min(10).max(3_600),
  }),
  outbound: z.object({
    enabled: z.boolean(),
    smtp: MailServerView.nullable(),
    from: FromAddress.nullable(),
  }),
  status: z.object({ inbound: MailChannelStatus, outbound: MailChannelStatus }),
  /** Outbound mail waiting (queued or retrying) and failed for good. */
  queue: z.object({ waiting: z.number().int().min(0), failed: z.number().int().min(0) }),
  held: z.array(HeldMail).max(100),
});
export type MailSettings = z.infer<typeof MailSettings>;

export const UpdateMailSettingsRequest = z
  .object({
    inbound: z.object({
      enabled: z.boolean(),
      imap: MailServerInput.extend({ mailbox: MailboxName }).nullable(),
      pollSeconds: z.number().int().min(10).max(3_600),
    }),
    outbound: z.object({
      enabled: z.boolean(),
      smtp: MailServerInput.nullable(),
      from: FromAddress.nullable(),
    }),
  })
  .refine((value) => !value.inbound.enabled || value.inbound.imap !== null, {
    message: 'receiving mail needs the IMAP server',
    path: ['inbound', 'imap'],
  })
  .refine((value) => !value.outbound.enabled || (value.outbound.smtp !== null && value.outbound.from !== null), {
    message: 'sending mail needs the SMTP server and the from address',
    path: ['outbound'],
  });
export type UpdateMailSettingsRequest = z.infer<typeof UpdateMailSettingsRequest>;

/** Try a server's settings before saving them; no password uses the stored one. */
export const TestMailConnectionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('imap'), server: MailServerInput.extend({ mailbox: MailboxName }) }),
  z.object({ kind: z.literal('smtp'), server: MailServerInput }),
]);
export type TestMailConnectionRequest = z.infer<typeof TestMailConnectionRequest>;

export const TestMailConnectionResponse = z.object({
  ok: z.boolean(),
  /** What happened, in words: "Signed in; INBOX holds 1,204 messages." or why it failed and what to check. */
  detail: z.string().max(1_000),
});
export type TestMailConnectionResponse = z.infer<typeof TestMailConnectionResponse>;

/** What every agent needs to know: does a reply reach the customer? */
export const MailStatus = z.object({ outbound: z.boolean(), inbound: z.boolean() });
export type MailStatus = z.infer<typeof MailStatus>;
