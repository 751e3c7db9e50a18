import { headerText, truncate } from './header-text.ts';

/** Longer subjects get cut by mail clients and some servers; 250 leaves room below the 998-octet line limit. */
export const REPLY_SUBJECT_MAX = 250;

// "Re:", "RE :", "Re[2]:" and the translations mail clients put in front
// (German Aw, Nordic Sv/Vs, Dutch Antw, French Réf), stacked or not.
const REPLY_PREFIXES = /^(?:(?:re|aw|sv|vs|antw|r[eé]f)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*)+/iu;

/**
 * `Re: <subject> [#<number>]`: one "Re:" however many the thread piled up, and
 * the ticket tag once, at the end, where the inbound side finds it when the
 * customer's client drops our In-Reply-To.
 */
export function replySubject(ticketSubject: string, ticketNumber: number): string {
  const tag = `[#${ticketNumber}]`;
  const withoutTag = headerText(ticketSubject).split(tag).join(' ');
  const core = headerText(withoutTag).replace(REPLY_PREFIXES, '').trim() || '(no subject)';
  const room = REPLY_SUBJECT_MAX - 'Re: '.length - ` ${tag}`.length;
  return `Re: ${truncate(core, room)} ${tag}`;
}
