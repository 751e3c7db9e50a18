import type { ImapFlowError } from 'imapflow';
import type { ImapMailbox } from './imap-connection.ts';

/** A problem whose message is already for the admin (no password set, the server dropped the session). */
export class ImapProblem extends Error {}

const CERTIFICATE_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const NOT_TLS = /wrong version number|packet length too long|unknown protocol|record layer failure/i;
const MAX_DETAIL = 500;

/**
 * What went wrong with the IMAP server, in words an admin can act on: which
 * setting to check, not a stack trace. Never contains the password.
 */
export function describeImapError(error: unknown, server: ImapMailbox): string {
  return clip(scrub(explain(error, server), server.password));
}

function explain(error: unknown, server: ImapMailbox): string {
  if (error instanceof ImapProblem) return error.message;
  const where = `${server.host}:${server.port}`;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as ImapFlowError;
  const code = failure.code ?? '';
  const message = failure.message ?? String(error);
  const serverSaid = failure.responseText ? ` The server said: "${failure.responseText}"` : '';

  if (failure.authenticationFailed) {
    return (
      `${where} refused the sign-in for ${server.user}: check the user and password. ` +
      `Gmail and Outlook need an app password (and IMAP turned on), not the account's normal password.${serverSaid}`
    );
  }
  if (failure.mailboxMissing) {
    return `There is no mailbox named "${server.mailbox}" on ${where}: check the mailbox name (INBOX for most teams).`;
  }
  if (code === 'ECONNREFUSED') {
    return `Nothing answers on ${where} (connection refused): check the host and the port (993 for TLS, 143 for STARTTLS).`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return `The host name ${server.host} could not be found (DNS): check the host.`;
  }
  if (code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return `${where} did not answer: check the host, the port and any firewall in between.`;
  }
  if (code === 'GREETING_TIMEOUT') {
    return server.security === 'tls'
      ? `${where} accepted the connection but never greeted: check that the port is the server's IMAP port.`
      : `${where} accepted the connection but never greeted: if the port expects TLS from the first byte (usually 993), choose TLS.`;
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || NOT_TLS.test(message)) {
    return `${where} does not speak TLS from the first byte: choose STARTTLS (usually port 143) instead of TLS, or check the port.`;
  }
  if (failure.tlsFailed && /STARTTLS/i.test(message)) {
    return `${where} does not offer STARTTLS: choose TLS if the port is 993, or check the port.`;
  }
  if (CERTIFICATE_CODES.has(code)) {
    return `The TLS certificate of ${where} is not trusted (${code}): check that the host name matches the server's certificate.`;
  }
  if (failure.tlsFailed)
    return `The TLS handshake with ${where} failed (${message}): check the security setting and the port.`;
  if (
    code === 'ECONNRESET' ||
    code === 'EConnectionClosed' ||
    code === 'NoConnection' ||
    code.startsWith('ClosedAfter')
  ) {
    return `${where} closed the connection${failure.reason ? ` ("${failure.reason}")` : ''}: check the security setting and the port.`;
  }
  if (code === 'ETIMEOUT') return `${where} stopped answering.`;
  return `IMAP error on ${where}: ${failure.responseText ?? message}`;
}

function scrub(text: string, password: string | null): string {
  return password ? text.split(password).join('***') : text;
}

function clip(text: string): string {
  return text.length <= MAX_DETAIL ? text : `${text.slice(0, MAX_DETAIL - 1)}…`;
}

/** A short message for any thrown value, for details that quote the error. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
