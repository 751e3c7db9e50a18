import { bareMessageId } from '../message-ids.ts';

/** Longer ids are not real ones; a cap keeps a hostile header from bloating every thread lookup. */
const ID_MAX = 250;
/** Printable ASCII without the angle brackets: what our lookups can match reliably. */
const ID = /^[\x21-\x3b\x3d\x3f-\x7e]+$/;

/**
 * The bare Message-IDs in a Message-ID, In-Reply-To or References value, in
 * order and without repeats. Ids in angle brackets win; a value without any
 * (some mailers omit them) is split on white space and commas instead.
 * Comments and phrases around the ids ("Your message of ...") are ignored.
 */
export function messageIdsIn(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((match) => match[1] ?? '');
  const candidates = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/);
  const ids = candidates.map(bareMessageId).filter((id) => id.length > 0 && id.length <= ID_MAX && ID.test(id));
  return [...new Set(ids)];
}

/**
 * At most `max` references, oldest first. When there are more, the first
 * (the thread's root) and the newest are kept, as RFC 5322 §3.6.4 suggests
 * for trimming: those are the ones a reply is matched by.
 */
export function cappedReferences(ids: readonly string[], max: number): string[] {
  if (ids.length <= max) return [...ids];
  return [...ids.slice(0, 1), ...ids.slice(ids.length - (max - 1))];
}
