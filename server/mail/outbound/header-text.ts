import { withoutBidiControls } from '#shared/domain/bidi';

/**
 * Text and addresses on their way into mail headers. A header ends at a line
 * break, so a CR or LF smuggled into a subject or a name would start a header
 * of the sender's choosing (a Bcc to anyone); control and direction characters
 * have no business in a header either.
 */

// Cc covers CR, LF, tab and NUL; U+2028/U+2029 are line breaks to some mail clients.
const CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;
const HAS_CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** One line of header text: no controls or direction overrides, runs of space closed up, trimmed. */
export function headerText(value: string): string {
  return withoutBidiControls(value).replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** The first `max` characters of `value` (whole code points), with "…" when it was longer. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

const ADDRESS_MAX = 254;
// One "@", a local part and a dotted domain, none of the characters that end or
// group an address in a header. Unicode is allowed (SMTPUTF8, IDN); the server
// has the last word on whether the mailbox exists.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]{1,64}@(?:[^\s@<>()[\]\\,;:".]+\.)+[^\s@<>()[\]\\,;:".]{2,}$/u;

/** `value` when it is one plain mailbox address; throws a clear Error naming `role` otherwise. */
export function checkedAddress(value: string, role: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`The ${role} address contains a line break: ${JSON.stringify(value)}`);
  if (value.length > ADDRESS_MAX || HAS_CONTROL.test(value) || !ADDRESS.test(value)) {
    throw new Error(`The ${role} address is not a valid email address: ${JSON.stringify(truncate(value, 100))}`);
  }
  return value;
}
