import { bareMessageId } from '../message-ids.ts';

/** Most clients thread on the first and the last few ids; the rest only lengthens the header. */
export const REFERENCES_KEEP_LAST = 20;
/** Real Message-IDs are well under 100 characters; a longer one is junk we do not repeat. */
const MESSAGE_ID_MAX = 250;
/** The References header as written (`<id>` joined by spaces), before folding. */
export const REFERENCES_HEADER_MAX = 2_000;

// Printable ASCII without the brackets: the ids arrive from customers' mail,
// and anything else (spaces, line breaks, 8-bit) would break or forge the header.
const MESSAGE_ID = /^[\x21-\x3b\x3d\x3f-\x7e]+$/;

/** A bare Message-ID fit to repeat in our headers, or null. */
export function cleanMessageId(value: string): string | null {
  const id = bareMessageId(value);
  return id.length <= MESSAGE_ID_MAX && MESSAGE_ID.test(id) ? id : null;
}

export interface ReplyThreading {
  /** Bare; absent when there is no usable id to answer. */
  inReplyTo?: string;
  /** Bare, oldest first, the answered mail last. */
  references: string[];
}

function headerLength(ids: readonly string[]): number {
  return ids.reduce((total, id) => total + id.length + 3, 0);
}

/**
 * In-Reply-To and References for a reply (RFC 5322 §3.6.4): the thread's
 * references then the answered id. Kept to the first id (the thread's root,
 * which clients thread on) and the last REFERENCES_KEEP_LAST, dropping the
 * oldest after the root while the header would be over REFERENCES_HEADER_MAX.
 */
export function replyThreading(inReplyTo: string | null, references: readonly string[]): ReplyThreading {
  const answered = inReplyTo === null ? null : cleanMessageId(inReplyTo);
  const ids = [...new Set(references.map(cleanMessageId).filter((id): id is string => id !== null))].filter(
    (id) => id !== answered,
  );
  if (answered !== null) ids.push(answered);
  let kept = ids.length > REFERENCES_KEEP_LAST + 1 ? [ids[0] ?? '', ...ids.slice(-REFERENCES_KEEP_LAST)] : ids;
  while (kept.length > 2 && headerLength(kept) > REFERENCES_HEADER_MAX) kept = [kept[0] ?? '', ...kept.slice(2)];
  return answered === null ? { references: kept } : { inReplyTo: answered, references: kept };
}
