import nodemailer, { type SMTPPoolOptions, type SMTPPoolSentMessageInfo, type Transporter } from 'nodemailer';
import type { MailServer } from '#shared/api/mail';
import { bareMessageId } from '../message-ids.ts';
import type { ComposedMail } from './compose-reply.ts';

export type SmtpServerSettings = MailServer & { password: string | null };
export type SmtpTransport = Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

export interface SmtpTransportOptions {
  /** How long to wait for the connection, its greeting and the DNS answer; 10 s unless given. */
  connectionTimeoutMs?: number;
}

export const CONNECTION_TIMEOUT_MS = 10_000;
/** A silent server mid-conversation; long enough for a slow DATA acknowledgement of a big message. */
const SOCKET_TIMEOUT_MS = 60_000;

/** Nodemailer's options for one of our SMTP servers: pooled, quiet, and strict about the chosen security. */
export function smtpTransportOptions(server: SmtpServerSettings, options: SmtpTransportOptions = {}): SMTPPoolOptions {
  const connectionTimeout = options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS;
  const security =
    server.security === 'tls'
      ? { secure: true }
      : server.security === 'starttls'
        ? // requireTLS: a server (or someone between us and it) that drops STARTTLS gets no password in clear.
          { secure: false, requireTLS: true }
        : { secure: false, ignoreTLS: true };
  const user = server.user.trim();
  return {
    host: server.host,
    port: server.port,
    ...security,
    ...(server.security === 'none' ? {} : { tls: { minVersion: 'TLSv1.2' } }),
    // forceAuth: a configured user must sign in; without it nodemailer sends unauthenticated when the
    // server does not advertise AUTH, and the failure shows up later as a puzzling relay refusal.
    ...(user ? { auth: { user, pass: server.password ?? '' }, forceAuth: true } : {}),
    pool: true,
    maxConnections: 2,
    connectionTimeout,
    greetingTimeout: connectionTimeout,
    dnsTimeout: connectionTimeout,
    socketTimeout: SOCKET_TIMEOUT_MS,
    // Nodemailer's logger would print the AUTH exchange, which carries the password.
    logger: false,
    debug: false,
    transactionLog: false,
  };
}

/** A pooled transport (two connections at most) to the team's SMTP server; close() it when the settings change. */
export function createSmtpTransport(server: SmtpServerSettings, options: SmtpTransportOptions = {}): SmtpTransport {
  // The literal `pool: true` selects createTransport's pooled overload (and its types).
  return nodemailer.createTransport({ ...smtpTransportOptions(server, options), pool: true });
}

export interface SentReply {
  accepted: string[];
  rejected: string[];
  /** The server's final answer, e.g. "250 2.0.0 Ok: queued as 4ZxK1". */
  response: string;
  /**
   * The Message-ID the server gave the mail instead of ours (Microsoft 365 and
   * Amazon SES replace it), bare; the customer's answer will refer to this one.
   */
  serverMessageId: string | null;
}

/**
 * Sends a composed reply. Throws nodemailer's error when the server refuses
 * the mail, and an error shaped like nodemailer's (code EENVELOPE, the
 * server's answer for the customer's address) when the server took the mail
 * for the team's Bcc copy but refused the customer: the customer is what
 * counts, although the team's copy has then been delivered.
 */
export async function sendComposed(transport: SmtpTransport, composed: ComposedMail): Promise<SentReply> {
  const info = await transport.sendMail({ ...composed.message, envelope: composed.envelope });
  const customer = composed.envelope.to[0]?.toLowerCase();
  const refusal = info.rejectedErrors?.find((error) => error.recipient?.toLowerCase() === customer);
  if (refusal !== undefined || info.rejected.some((address) => address.toLowerCase() === customer)) {
    throw refusal ?? Object.assign(new Error('Recipient command failed'), { code: 'EENVELOPE', command: 'RCPT TO' });
  }
  return {
    accepted: info.accepted,
    rejected: info.rejected,
    response: info.response,
    serverMessageId: info.serverMessageId ? bareMessageId(info.serverMessageId) : null,
  };
}
