import { truncate } from './header-text.ts';
import { isAuthFailure, isTlsFailure, shownText, smtpErrorFields, type SmtpErrorFields } from './smtp-error-fields.ts';

/**
 * `transient`: try the same mail again later (the server is down, busy, or
 * waiting for the admin to fix a setting). `permanent`: the server refused
 * this mail and would refuse it again; the reply fails now.
 */
export interface SmtpFailure {
  kind: 'transient' | 'permanent';
  /** For agents, shown on the reply: short, says what to do, never a password. */
  reason: string;
}

const SETTINGS = 'Admin → Email';
/** MessageDelivery.reason's limit. */
const REASON_MAX = 500;

function said(fields: SmtpErrorFields, secrets: readonly (string | null | undefined)[]): string {
  return shownText(fields.response ?? fields.message, secrets);
}

function refusal(fields: SmtpErrorFields, secrets: readonly (string | null | undefined)[]): SmtpFailure {
  const answer = said(fields, secrets);
  if (fields.command === 'MAIL FROM') {
    // Our own sender refused: a setting to fix, after which the same mail goes out.
    return {
      kind: 'transient',
      reason: `The mail server refused the team's from address: check it in ${SETTINGS}. The server said: ${answer}`,
    };
  }
  if (fields.command === 'RCPT TO' || fields.code === 'EENVELOPE') {
    return { kind: 'permanent', reason: `The customer's address was refused: ${answer}` };
  }
  if (fields.responseCode === 552 || /too (large|big)|size/i.test(answer)) {
    return { kind: 'permanent', reason: `The message is too large for the mail server: ${answer}` };
  }
  return { kind: 'permanent', reason: `The mail server refused the message: ${answer}` };
}

function connectionTrouble(fields: SmtpErrorFields, secrets: readonly (string | null | undefined)[]): string {
  const detail = shownText(fields.message, secrets, 150);
  if (fields.code === 'EDNS')
    return `The mail server's name could not be found (${detail}): check the host in ${SETTINGS}.`;
  if (fields.code === 'ETIMEDOUT') return 'The mail server did not answer in time.';
  if (isTlsFailure(fields)) {
    return (
      `The secure connection to the mail server failed (${fields.originalCode ?? detail}): ` +
      `check the security setting in ${SETTINGS}.`
    );
  }
  switch (fields.originalCode) {
    case 'ECONNREFUSED':
      return `The mail server refused the connection: check the host and port in ${SETTINGS}.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'The mail server cannot be reached from the Shiftdesk server (no network route).';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'The connection to the mail server broke off.';
    default:
      return `Could not talk to the mail server: ${detail}`;
  }
}

/**
 * Whether a failed send is worth retrying, and why it failed in words an
 * agent can act on. `secrets` (the SMTP password) are cut out of anything the
 * server or the system said.
 */
export function classifySmtpError(error: unknown, secrets: readonly (string | null | undefined)[] = []): SmtpFailure {
  const fields = smtpErrorFields(error);
  const failure = ((): SmtpFailure => {
    if (isAuthFailure(fields)) {
      // Transient for the mail: once the admin fixes the password, it goes out.
      const answer = fields.response ? ` The server said: ${said(fields, secrets)}` : '';
      return {
        kind: 'transient',
        reason: `The SMTP server refused the sign-in: check the user and password in ${SETTINGS}.${answer}`,
      };
    }
    const code = fields.responseCode;
    // 503 (bad sequence of commands) is the session's state, not a verdict on the mail (RFC 5321 §4.2.4).
    if (code !== undefined && code >= 500 && code < 600 && code !== 503) return refusal(fields, secrets);
    if (code !== undefined && code >= 400) {
      return { kind: 'transient', reason: `The mail server asked to try again later: ${said(fields, secrets)}` };
    }
    if (fields.code === 'EMESSAGE' && /size larger than allowed/i.test(fields.message)) {
      // Nodemailer's own check against the size the server advertised: the server would answer 552.
      return { kind: 'permanent', reason: `The message is too large for the mail server: ${said(fields, secrets)}` };
    }
    if (fields.code === 'EENVELOPE' && fields.command === 'API') {
      return { kind: 'permanent', reason: `The reply has no usable recipient address: ${said(fields, secrets)}` };
    }
    if (code !== undefined) {
      return { kind: 'transient', reason: `The mail server gave an unexpected answer: ${said(fields, secrets)}` };
    }
    return { kind: 'transient', reason: connectionTrouble(fields, secrets) };
  })();
  return { kind: failure.kind, reason: truncate(failure.reason, REASON_MAX) };
}
