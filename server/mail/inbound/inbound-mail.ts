/**
 * One received email, reduced to what the help desk keeps: every field is
 * plain text that is safe to store and show (no markup, no control or
 * direction characters where a line of UI shows it), and every list is capped.
 * parseInboundMail builds it from any bytes at all, so the code that files it
 * on a ticket never has to defend against the mail itself.
 */
export interface InboundAttachment {
  /** Cleaned: no path, no control or direction characters, at most 255 characters, never empty. */
  filename: string;
  /** Lowercased, at most 255 characters. */
  contentType: string;
  /** Decoded size in bytes, also when the content was not kept. */
  size: number;
  /** null: over the size limit (or past the attachment cap), not kept; the original stays in the mailbox. */
  content: Buffer | null;
}

export interface InboundAddress {
  /** Lowercased and valid by zod's z.email(). */
  email: string;
  /** Cleaned display name, absent when the mail gave none. */
  name?: string;
}

export interface InboundBounce {
  /** Bare Message-ID of the mail that could not be delivered (ours, when it was one of our replies). */
  originalMessageId: string | null;
  /** The address that failed, lowercased. */
  recipient: string | null;
  /** What the mail server said, e.g. "550 5.1.1 user unknown (jane@x.test)". */
  reason: string;
}

export interface InboundMail {
  /** Bare (no angle brackets); null when the mail has none. */
  messageId: string | null;
  /** Bare ids. */
  inReplyTo: string[];
  /** Bare ids, oldest first, at most INBOUND_REFERENCES_MAX. */
  references: string[];
  /** null when the mail has no usable address. */
  from: InboundAddress | null;
  replyTo: InboundAddress | null;
  /** Decoded and cleaned, at most INBOUND_SUBJECT_MAX characters, NO_SUBJECT when empty. */
  subject: string;
  /** The body as plain text, never empty (NO_TEXT), at most MESSAGE_BODY_MAX characters. */
  text: string;
  /** The Date header in epoch ms; null when absent or unreadable. */
  date: number | null;
  /** At most MESSAGE_ATTACHMENTS_MAX; the rest are counted in `problems`. */
  attachments: InboundAttachment[];
  /** Why the mail was written by a machine, or null for a person's mail. */
  automatic: string | null;
  /** Set when the mail reports that a mail could not be delivered. */
  bounce: InboundBounce | null;
  /** What was odd about the mail and how it was handled, in words, for the ticket history. */
  problems: string[];
}

export interface InboundLimits {
  /** Attachments larger than this are listed with `content: null`. */
  attachmentMaxBytes: number;
  /** How long the MIME parser may take before the raw text is used instead. Default 60 s. */
  parseTimeoutMs?: number;
}

export const INBOUND_SUBJECT_MAX = 300;
export const INBOUND_REFERENCES_MAX = 50;
export const NO_SUBJECT = '(no subject)';
export const NO_TEXT = '(no text)';
