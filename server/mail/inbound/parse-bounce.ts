import { oneLine } from './clean-text.ts';
import type { InboundBounce } from './inbound-mail.ts';
import { messageIdsIn } from './message-id-list.ts';
import type { ReportPart } from './parse-mime.ts';
import { type RawHeaders, firstHeader, scanHeaderBlock } from './raw-headers.ts';

/** What a mail offers to tell whether it reports a failed delivery. */
export interface BounceEvidence {
  /** The mail's own headers. */
  headers: RawHeaders;
  /** The decoded subject. */
  subject: string;
  /** The body as plain text. */
  text: string;
  /** The starts of its delivery-status and returned-message parts. */
  reportParts: readonly ReportPart[];
}

/** MessageDelivery.reason holds 500 characters; the recipient is appended to the server's words. */
const DIAGNOSTIC_MAX = 400;
const DELIVERY_STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_MESSAGE_TYPES = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/global',
  'message/global-headers',
]);
const MAILER_DAEMON = /^(?:mailer-daemon|postmaster|mail-daemon)@/i;
const BOUNCE_SUBJECT =
  /undeliver|returned to sender|returned mail|delivery status notification|delivery failure|failure notice|mail delivery failed|delivery has failed|could not be delivered|non-?delivery/i;
/** A notice that delivery is only late is not a bounce: the mail may still arrive. */
const DELAY_SUBJECT = /\b(?:delay(?:ed)?|warning|still trying)\b/i;

type Fields = Map<string, string>;

/** RFC 3464 §2.1: blocks of header-style fields separated by empty lines, the first about the message. */
function fieldBlocks(text: string): Fields[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => {
      const fields: Fields = new Map();
      for (const line of block.replace(/\n(?=[ \t])/g, ' ').split('\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, Math.max(colon, 0)).trim().toLowerCase();
        if (name && !fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
      }
      return fields;
    });
}

/** `rfc822; Jane@X.test` → `jane@x.test`. */
function addressField(value: string | undefined): string | null {
  if (!value) return null;
  const address = value
    .slice(value.indexOf(';') + 1)
    .trim()
    .replace(/^<|>$/g, '')
    .toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address.slice(0, 320) : null;
}

/** `smtp; 550 5.1.1 user unknown` → `550 5.1.1 user unknown`. */
function diagnosticField(value: string | undefined): string {
  if (!value) return '';
  const semicolon = value.indexOf(';');
  return oneLine(semicolon >= 0 && semicolon < 20 ? value.slice(semicolon + 1) : value, DIAGNOSTIC_MAX);
}

function reasonWith(diagnostic: string, recipient: string | null): string {
  const said = diagnostic || 'The mail could not be delivered; the report gave no reason.';
  return recipient ? `${said} (${recipient})` : said;
}

/** The Message-ID of the returned original, from its attached copy or headers, else quoted in the text. */
function originalMessageId(evidence: BounceEvidence): string | null {
  for (const part of evidence.reportParts) {
    if (!RETURNED_MESSAGE_TYPES.has(part.contentType)) continue;
    const { headers } = scanHeaderBlock(Buffer.from(part.text), 64 * 1024);
    const id = messageIdsIn(firstHeader(headers, 'message-id'))[0];
    if (id) return id;
  }
  const quoted = /^[ \t>]*Message-ID:[ \t]*(<[^<>\s]+>)/im.exec(evidence.text)?.[1];
  return messageIdsIn(quoted)[0] ?? null;
}

/** A standard delivery status notification (RFC 3464): null when no recipient failed (delayed, relayed). */
function standardBounce(evidence: BounceEvidence, statusPart: ReportPart): InboundBounce | null {
  const blocks = fieldBlocks(statusPart.text);
  const recipients = blocks.filter((fields) => fields.has('final-recipient') || fields.has('action'));
  const failed = recipients.find((fields) => {
    const action = fields.get('action')?.toLowerCase();
    return action ? action.startsWith('failed') : /^5\./.test(fields.get('status') ?? '');
  });
  if (!failed) return null;
  const recipient = addressField(failed.get('final-recipient')) ?? addressField(failed.get('original-recipient'));
  const status = oneLine(failed.get('status') ?? '', 20);
  const diagnostic = diagnosticField(failed.get('diagnostic-code')) || (status ? `Status ${status}` : '');
  return { originalMessageId: originalMessageId(evidence), recipient, reason: reasonWith(diagnostic, recipient) };
}

/** The failed address as mail servers' own words name it: Postfix and qmail, a quoted report, Gmail. */
function recipientInText(text: string): string | null {
  const patterns = [
    /^[ \t]*<([^<>\s@]+@[^<>\s@]+)>:/m,
    /Final-Recipient:[^;\n]*;\s*<?([^\s<>]+@[^\s<>]+?)>?\s*$/im,
    /\bdelivered to\s+<?([^\s<>@]+@[^\s<>@]+?)>?(?=[\s,;]|\.(?:\s|$)|$)/im,
  ];
  for (const pattern of patterns) {
    const address = pattern.exec(text)?.[1];
    if (address) return address.toLowerCase().slice(0, 320);
  }
  return null;
}

/** The mail server's reply, preferring a permanent failure (5xx), else a Status: line. */
function diagnosticInText(text: string): string {
  const line =
    /\b5\d\d[ -](?:5\.\d{1,3}\.\d{1,3}\b)?[^\n]*/.exec(text)?.[0] ??
    /^[ \t]*Diagnostic-Code:[^\n]*/im.exec(text)?.[0] ??
    /^[ \t]*Status:[ \t]*5\.\d{1,3}\.\d{1,3}/im.exec(text)?.[0];
  return line ? oneLine(line.replace(/^\s*Diagnostic-Code:\s*(?:[a-z-]+;)?/i, ''), DIAGNOSTIC_MAX) : '';
}

/**
 * Whether a mail reports that a mail could not be delivered, and which one,
 * to whom and why. Reads the delivery-status part of a standard report
 * (multipart/report; report-type=delivery-status); for the many servers that
 * send plain text instead, a mail from the mailer daemon with a bounce's
 * subject, read from its words and the original's quoted headers.
 */
export function bounceOf(evidence: BounceEvidence): InboundBounce | null {
  const statusPart = evidence.reportParts.find((part) => DELIVERY_STATUS_TYPES.has(part.contentType));
  if (statusPart) return standardBounce(evidence, statusPart);

  const from = firstHeader(evidence.headers, 'from') ?? '';
  const fromAddress = ([...from.matchAll(/<([^<>]*)>/g)].at(-1)?.[1] ?? from).trim();
  const nullSender = /^<\s*>$/.test(firstHeader(evidence.headers, 'return-path')?.trim() ?? '');
  if (!(MAILER_DAEMON.test(fromAddress) || nullSender)) return null;
  if (!BOUNCE_SUBJECT.test(evidence.subject) || DELAY_SUBJECT.test(evidence.subject)) return null;
  const recipient = recipientInText(evidence.text);
  return {
    originalMessageId: originalMessageId(evidence),
    recipient,
    reason: reasonWith(diagnosticInText(evidence.text), recipient),
  };
}
