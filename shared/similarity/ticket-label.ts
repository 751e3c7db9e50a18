/**
 * A ticket's subject as the name of what many tickets are about: "Re: FW:
 * [URGENT] Login fails after update!!!" → "Login fails after update". Plain
 * text in, plain text out (the banner shows it as text).
 */

/** Reply and forward markers, in the languages mail clients commonly use. */
const REPLY_PREFIX = /^\s*(?:re|fw|fwd|aw|wg|sv|tr|rv|antw)\s*(?:\[\d+\])?\s*:\s*/i;
/** A leading tag: "[URGENT]", "[#1234]", "(External)". */
const LEADING_TAG = /^\s*(?:\[[^\]]{0,40}\]|\([^)]{0,40}\))\s*/;
const TRAILING_MARKS = /[\s!?.:;,\-–—]+$/;
export const MAX_LABEL_LENGTH = 80;

export function ticketLabel(subject: string): string {
  let label = subject.replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== label;) {
    previous = label;
    label = label.replace(REPLY_PREFIX, '').replace(LEADING_TAG, '');
  }
  label = label.replace(TRAILING_MARKS, '');
  if (label === '') return subject.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_LENGTH);
  if (label.length <= MAX_LABEL_LENGTH) return label;
  const cut = label.slice(0, MAX_LABEL_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_LABEL_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(TRAILING_MARKS, '')}…`;
}
