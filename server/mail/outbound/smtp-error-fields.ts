import { headerText, truncate } from './header-text.ts';

/** What nodemailer puts on its errors (NodemailerError), read defensively from anything thrown. */
export interface SmtpErrorFields {
  message: string;
  code?: string;
  /** The code Node gave before nodemailer set its own: ECONNREFUSED under ESOCKET, a TLS error code. */
  originalCode?: string;
  responseCode?: number;
  response?: string;
  /** The SMTP command the server answered: CONN, AUTH PLAIN, MAIL FROM, RCPT TO, DATA, STARTTLS, API. */
  command?: string;
  timeoutType?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function smtpErrorFields(error: unknown): SmtpErrorFields {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const record = error as Record<string, unknown>;
  const responseCode = record.responseCode;
  return {
    message: text(record.message) ?? text(record.code) ?? 'unknown error',
    code: text(record.code),
    originalCode: text(record.originalCode),
    responseCode: typeof responseCode === 'number' && Number.isInteger(responseCode) ? responseCode : undefined,
    response: text(record.response),
    command: text(record.command),
    timeoutType: text(record.timeoutType),
  };
}

/**
 * A server's or the system's words, fit to show: one line, at most `max`
 * characters, with every secret (the password) cut out in case a server
 * echoes what it was sent.
 */
export function shownText(value: string, secrets: readonly (string | null | undefined)[], max = 200): string {
  let shown = headerText(value);
  for (const secret of secrets) if (secret) shown = shown.split(secret).join('•••');
  return truncate(shown, max);
}

/** Sign-in refused (535), needed (530), mechanism too weak (534), encryption needed for it (538). */
export function isAuthFailure(fields: SmtpErrorFields): boolean {
  return (
    fields.code === 'EAUTH' ||
    fields.code === 'ENOAUTH' ||
    (fields.responseCode !== undefined && [530, 534, 535, 538].includes(fields.responseCode))
  );
}

/** Node's TLS failures: wrong protocol on the port, certificate not trusted or not for this host. */
export function isTlsFailure(fields: SmtpErrorFields): boolean {
  return (
    fields.code === 'ETLS' ||
    /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(fields.originalCode ?? '') ||
    /wrong version number|packet length too long|unknown protocol|certificate/i.test(fields.message)
  );
}
