import { MESSAGE_ATTACHMENTS_MAX } from '#shared/domain/message';
import { automaticReason } from './classify-automatic.ts';
import { oneLine, plainBody } from './clean-text.ts';
import { htmlToPlainText } from './html-to-plain-text.ts';
import {
  INBOUND_REFERENCES_MAX,
  INBOUND_SUBJECT_MAX,
  type InboundAttachment,
  type InboundLimits,
  type InboundMail,
  NO_SUBJECT,
  NO_TEXT,
} from './inbound-mail.ts';
import { mailAddress } from './mail-address.ts';
import { cappedReferences, messageIdsIn } from './message-id-list.ts';
import { bounceOf } from './parse-bounce.ts';
import { type ReportPart, parseMime } from './parse-mime.ts';
import { readRawFallback } from './parse-raw-fallback.ts';
import { type RawHeaders, firstHeader, headersFromLines } from './raw-headers.ts';

const DEFAULT_PARSE_TIMEOUT_MS = 60_000;
/** Message.automatic holds 200 characters. */
const AUTOMATIC_MAX = 200;
/** The ticket history shows these; a hostile mail must not fill it. */
const PROBLEMS_MAX = 30;
const PROBLEM_MAX = 500;

/** What both ways of reading a mail (MIME parser, raw fallback) hand to `assembled`. */
interface Reading {
  headers: RawHeaders;
  subject: string;
  body: string;
  attachments: InboundAttachment[];
  reportParts: readonly ReportPart[];
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/** The Date header in epoch ms; null (with a problem) when it is missing, unreadable or absurd. */
function dateOf(value: string | undefined, problems: string[]): number | null {
  if (value === undefined) return null;
  // Comments such as "(CET)" are allowed by RFC 5322 and confuse Date.parse.
  const time = Date.parse(value.replace(/\([^)]*\)/g, ' ').trim());
  const year = new Date(time).getUTCFullYear();
  if (Number.isNaN(time) || year < 1970 || year > 2200) {
    problems.push(`The Date header ("${oneLine(value, 80)}") could not be read; the date is unknown.`);
    return null;
  }
  return time;
}

function allValues(headers: RawHeaders, name: string): string {
  return (headers.get(name) ?? []).join(' ');
}

/** Turns what was read into an InboundMail: every field cleaned, capped and classified. */
function assembled(reading: Reading, problems: string[]): InboundMail {
  const { headers } = reading;
  const allReferences = messageIdsIn(allValues(headers, 'references'));
  const references = cappedReferences(allReferences, INBOUND_REFERENCES_MAX);
  if (references.length < allReferences.length) {
    problems.push(
      `The References header listed ${allReferences.length} ids; the first and the last ${INBOUND_REFERENCES_MAX - 1} were kept.`,
    );
  }
  if (!headers.has('from')) problems.push('The mail has no From header; the sender is unknown.');
  const from = mailAddress(headers.get('from'), 'From', problems);
  const replyTo = mailAddress(headers.get('reply-to'), 'Reply-To', problems);
  const subject = oneLine(reading.subject, INBOUND_SUBJECT_MAX) || NO_SUBJECT;
  const text = plainBody(reading.body, problems);
  const bounce = bounceOf({ headers, subject, text, reportParts: reading.reportParts });
  const automatic = automaticReason(headers) ?? (bounce ? 'A delivery failure report' : null);
  return {
    messageId: messageIdsIn(firstHeader(headers, 'message-id'))[0] ?? null,
    inReplyTo: messageIdsIn(allValues(headers, 'in-reply-to')),
    references,
    from,
    replyTo,
    subject,
    text,
    date: dateOf(firstHeader(headers, 'date'), problems),
    attachments: reading.attachments,
    automatic: automatic === null ? null : oneLine(automatic, AUTOMATIC_MAX),
    bounce,
    problems: cappedProblems(problems),
  };
}

function cappedProblems(problems: readonly string[]): string[] {
  const lines = problems.map((problem) => oneLine(problem, PROBLEM_MAX)).filter(Boolean);
  if (lines.length <= PROBLEMS_MAX) return lines;
  return [...lines.slice(0, PROBLEMS_MAX - 1), `And ${lines.length - (PROBLEMS_MAX - 1)} more problems.`];
}

/** The mail read by the MIME parser; rejects when the parser fails, so the caller can fall back. */
async function parsedMail(raw: Buffer, limits: InboundLimits): Promise<InboundMail> {
  const mime = await parseMime(raw, {
    attachmentMaxBytes: limits.attachmentMaxBytes,
    timeoutMs: limits.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS,
  });
  const problems: string[] = [];
  let body = mime.text.trim() ? mime.text : mime.html ? htmlToPlainText(mime.html, problems) : '';
  const foundNothing = !body.trim() && !mime.html.trim() && mime.attachments.length + mime.attachmentsNotListed === 0;
  if (foundNothing) {
    // A multipart without a boundary, a part type nobody knows: the parser finds no text in a body that has some.
    const rawProblems: string[] = [];
    const rawBody = readRawFallback(raw, rawProblems).body;
    if (rawBody.trim()) {
      problems.push(
        'The MIME structure was damaged (no text or attachment could be found in it); the raw text is shown.',
      );
      problems.push(...rawProblems);
      body = rawBody;
    }
  }
  for (const attachment of mime.attachments) {
    if (attachment.content === null) {
      problems.push(
        `The attachment "${attachment.filename}" (${megabytes(attachment.size)}) is larger than the ${megabytes(limits.attachmentMaxBytes)} limit; it was not stored and stays in the mailbox.`,
      );
    }
  }
  if (mime.attachmentsNotListed > 0) {
    problems.push(
      `The mail had ${mime.attachmentsNotListed} more attachments than the ${MESSAGE_ATTACHMENTS_MAX} a message lists; they were not kept and stay in the mailbox.`,
    );
  }
  return assembled(
    {
      headers: headersFromLines(mime.headerLines),
      subject: mime.subject,
      body,
      attachments: mime.attachments,
      reportParts: mime.reportParts,
    },
    problems,
  );
}

/** The mail read from its raw text, when the MIME parser could not read it. */
function fallbackMail(raw: Buffer, error: unknown): InboundMail {
  const why = error instanceof Error ? error.message : String(error);
  const problems = [`The MIME structure could not be read (${oneLine(why, 200)}); the raw text is shown.`];
  const reading = readRawFallback(raw, problems);
  return assembled({ ...reading, attachments: [], reportParts: [] }, problems);
}

/** Only if even the raw text cannot be read: nothing the mail says can be trusted. */
function unreadableMail(): InboundMail {
  return {
    messageId: null,
    inReplyTo: [],
    references: [],
    from: null,
    replyTo: null,
    subject: NO_SUBJECT,
    text: NO_TEXT,
    date: null,
    attachments: [],
    automatic: null,
    bounce: null,
    problems: ['The mail could not be read at all; the original stays in the mailbox.'],
  };
}

/**
 * Reads one received mail into an InboundMail. Never throws and never
 * rejects, whatever the bytes: a mail the MIME parser cannot read (damaged,
 * too large a header, too many parts, too slow) is rendered from its raw
 * text instead, and `problems` says what happened.
 */
export async function parseInboundMail(raw: Buffer, limits: InboundLimits): Promise<InboundMail> {
  try {
    return await parsedMail(raw, limits);
  } catch (error) {
    try {
      return fallbackMail(raw, error);
    } catch {
      return unreadableMail();
    }
  }
}
