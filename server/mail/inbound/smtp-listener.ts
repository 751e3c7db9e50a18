import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { InboundLog } from './imap-connection.ts';

export interface SmtpEnvelope {
  /** MAIL FROM; empty for the null sender (bounces). */
  from: string;
  /** RCPT TO, every accepted recipient. */
  to: string[];
}

export interface SmtpListenerOptions {
  port: number;
  host: string;
  /** Recipient domains taken (case-insensitive); any other recipient is refused with 550. An empty list refuses all. */
  acceptDomains: string[];
  /** Advertised with SIZE and enforced: bigger mail is refused with 552. */
  maxMessageBytes: number;
  /**
   * Stores one mail. The sender gets 250 only after it resolved, and 451 (try
   * again later) when it throws, so mail the ingest did not commit stays with the
   * sending relay, which retries: that is the durability of this path.
   */
  ingest: (raw: Buffer, envelope: SmtpEnvelope) => Promise<void>;
  log: InboundLog;
  /** The name in the greeting and the EHLO answer; the machine's host name by default. */
  serverName?: string;
}

export interface SmtpListener {
  /** The port listened on (the one picked when `port` was 0). */
  port: number;
  /** Stops taking connections; a mail in flight gets up to 10 s to finish. */
  close: () => Promise<void>;
}

const CLOSE_GRACE_MS = 10_000;

/**
 * Takes the team's mail over SMTP, for a mail relay (the team's MX or a
 * forwarding service) pointed at the Shiftdesk server instead of a mailbox to
 * read. No authentication and no TLS: run it on loopback or on a private
 * network behind that relay, never open to the internet.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const { ingest, log, maxMessageBytes } = options;
  const domains = new Set(options.acceptDomains.map((domain) => domain.trim().toLowerCase()));

  const server = new SMTPServer({
    name: options.serverName ?? hostname(),
    banner: 'Shiftdesk',
    size: maxMessageBytes,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: CLOSE_GRACE_MS,

    onRcptTo(address, _session, callback) {
      const domain = address.address.slice(address.address.lastIndexOf('@') + 1).toLowerCase();
      if (domains.has(domain)) return callback();
      callback(smtpError(550, `<${address.address}>: relay access denied, this server only takes mail for its team`));
    },

    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let kept = 0;
      stream.on('data', (chunk: Buffer) => {
        // Past the limit the rest is only drained: an oversized mail is refused, not buffered.
        if (kept + chunk.length <= maxMessageBytes) chunks.push(chunk);
        kept += chunk.length;
      });
      stream.once('end', () => {
        if (stream.sizeExceeded) {
          callback(smtpError(552, `message exceeds the maximum size of ${maxMessageBytes} bytes`));
          return;
        }
        const envelope = envelopeOf(session);
        ingest(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (error: unknown) => {
            log.warn({ err: error, from: envelope.from, to: envelope.to }, 'SMTP listener: could not store a mail');
            callback(smtpError(451, 'could not store the message right now, try again later'));
          },
        );
      });
    },
  });
  server.on('error', (error: Error) => log.warn({ err: error }, 'SMTP listener: connection error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function envelopeOf(session: SMTPServerSession): SmtpEnvelope {
  const { mailFrom, rcptTo } = session.envelope;
  return { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((recipient) => recipient.address) };
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}
