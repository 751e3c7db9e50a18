import { truncate } from './header-text.ts';
import { isAuthFailure, isTlsFailure, shownText, smtpErrorFields, type SmtpErrorFields } from './smtp-error-fields.ts';
import {
  CONNECTION_TIMEOUT_MS,
  createSmtpTransport,
  type SmtpServerSettings,
  type SmtpTransportOptions,
} from './smtp-transport.ts';

export interface SmtpConnectionTest {
  ok: boolean;
  /** For the admin: what happened, and what to check when it failed. Never the password. */
  detail: string;
}

const DETAIL_MAX = 1_000;
const PORT_HINT = 'Usual ports: 587 with STARTTLS, 465 with TLS.';
// What OpenSSL makes of a plain-text SMTP greeting where it expected a TLS record.
const PLAIN_TEXT_REPLY =
  /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|wrong version number|packet length too long|unknown protocol/i;
const SECURITY_WORDS = { tls: 'with TLS', starttls: 'with STARTTLS', none: 'without encryption' } as const;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

function success(server: SmtpServerSettings): string {
  const place = `${server.host}:${server.port}`;
  const signedIn = server.user.trim() ? ' and signed in.' : ' (no user is set, so no sign-in).';
  const warning =
    server.security === 'none' && !isLoopback(server.host)
      ? ' Mail and the password travel unencrypted: choose STARTTLS or TLS unless this is a relay on the same machine.'
      : '';
  return `Connected to ${place} ${SECURITY_WORDS[server.security]}${signedIn}${warning}`;
}

function authTrouble(server: SmtpServerSettings, fields: SmtpErrorFields, said: string): string {
  const place = `${server.host}:${server.port}`;
  // 502/503/504 to AUTH: the server offers no sign-in on this connection at all.
  if (fields.responseCode !== undefined && [502, 503, 504].includes(fields.responseCode)) {
    return (
      `Connected to ${place}, but it does not offer sign-in on this connection (it said: ${said}). ` +
      'If it needs none, leave the user empty; many servers offer sign-in only after STARTTLS or over TLS.'
    );
  }
  if (fields.code === 'ENOAUTH') return `${place} asks for a sign-in: set the user and password.`;
  return `Connected to ${place}, but the sign-in as ${server.user.trim()} was refused: check the user and password (the server said: ${said}).`;
}

function failure(server: SmtpServerSettings, error: unknown, timeoutMs: number): string {
  const fields = smtpErrorFields(error);
  const place = `${server.host}:${server.port}`;
  const said = shownText(fields.response ?? fields.message, [server.password], 300);
  if (isAuthFailure(fields)) return authTrouble(server, fields, said);
  if (fields.code === 'EDNS' || fields.originalCode === 'ENOTFOUND' || fields.originalCode === 'EAI_AGAIN') {
    return `The name ${server.host} could not be found (DNS): check the host for typos.`;
  }
  if (fields.originalCode === 'ECONNREFUSED') {
    return `Nothing accepts connections at ${place} (connection refused): check the host and the port. ${PORT_HINT}`;
  }
  if (fields.code === 'ETIMEDOUT' && fields.timeoutType === 'GREETING_TIMEOUT' && server.security !== 'tls') {
    return (
      `${place} accepted the connection but never greeted us. A port that expects TLS from the first byte ` +
      '(usually 465) stays silent like this: choose TLS. Otherwise a firewall or proxy on the way is holding the connection.'
    );
  }
  if (fields.code === 'ETIMEDOUT') {
    return (
      `${place} did not answer within ${Math.round(timeoutMs / 1000)} seconds: check the host and the port, ` +
      `and that a firewall lets the Shiftdesk server connect out to port ${server.port}.`
    );
  }
  if (fields.command === 'STARTTLS' || (fields.code === 'ETLS' && server.security === 'starttls')) {
    return (
      `${place} does not offer STARTTLS (it said: ${said}). If the port is 465, choose TLS; ` +
      `a server without any encryption should only be used on the same machine (security: none).`
    );
  }
  if (server.security === 'tls' && PLAIN_TEXT_REPLY.test(`${fields.originalCode ?? ''} ${said}`)) {
    return (
      `${place} does not speak TLS from the first byte (${fields.originalCode ?? said}). ` +
      'If the port is 587 or 25, choose STARTTLS.'
    );
  }
  if (isTlsFailure(fields)) {
    return (
      `The secure connection to ${place} failed (${fields.originalCode ?? said}). If the server's certificate ` +
      `was refused, use the host name the certificate names (not an IP address). ${PORT_HINT}`
    );
  }
  if (fields.originalCode === 'ECONNRESET' || fields.code === 'ECONNECTION') {
    return `${place} closed the connection (${said}). A security setting that does not match the port does this. ${PORT_HINT}`;
  }
  return `Could not connect to ${place}: ${said}`;
}

/**
 * Connects, greets, upgrades to TLS and signs in as the settings say, then
 * hangs up, without sending anything: the admin screen's "Test" button.
 */
export async function testSmtpConnection(
  server: SmtpServerSettings,
  options: SmtpTransportOptions = {},
): Promise<SmtpConnectionTest> {
  const transport = createSmtpTransport(server, options);
  try {
    await transport.verify();
    return { ok: true, detail: truncate(success(server), DETAIL_MAX) };
  } catch (error) {
    return {
      ok: false,
      detail: truncate(failure(server, error, options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS), DETAIL_MAX),
    };
  } finally {
    transport.close();
  }
}
