import { withoutBidiControls } from '#shared/domain/bidi';
import { MESSAGE_BODY_MAX } from '#shared/domain/message';
import { NO_TEXT } from './inbound-mail.ts';

/** C0 controls but tab and line feed, DEL, and the C1 controls some charsets decode to. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Every control character, line breaks and the Unicode line and paragraph separators included. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ALL_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** The first `max` UTF-16 units of `text`, never ending on half of a surrogate pair. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const endsOnHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return text.slice(0, endsOnHighSurrogate ? max - 1 : max);
}

/**
 * Text shown on one line (a subject, a display name): control characters
 * become spaces, direction controls go (they would reverse the words around
 * the value in our UI), runs of space collapse.
 */
export function oneLine(text: string, max: number): string {
  const flat = withoutBidiControls(text).replace(ALL_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  return cutAt(flat, max).trim();
}

/** A message body cut to what a message can hold, saying where it was cut and how long it was. */
function truncatedBody(text: string, problems: string[]): string {
  if (text.length <= MESSAGE_BODY_MAX) return text;
  problems.push(`The text had ${text.length.toLocaleString('en')} characters; it was cut to what a message can hold.`);
  const notice =
    `\n\n[The text was cut here: it had ${text.length.toLocaleString('en')} characters, ` +
    `more than the ${MESSAGE_BODY_MAX.toLocaleString('en')} a message can hold. The whole mail stays in the mailbox.]`;
  return cutAt(text, MESSAGE_BODY_MAX - notice.length).trimEnd() + notice;
}

/**
 * A body as plain text that is safe to store: one kind of line break, no NULs
 * or other control characters, no trailing space, at most two blank lines in
 * a row, never empty, never longer than a message may be (a cut is noted in `problems`).
 */
export function plainBody(text: string, problems: string[]): string {
  const clean = text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROLS_BUT_TAB_AND_NEWLINE, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{4,}/g, '\n\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
  return clean.trim() ? truncatedBody(clean, problems) : NO_TEXT;
}

const FILENAME_MAX = 255;
/** Characters no file system or download dialog should get from a stranger. */
const FILENAME_UNSAFE = /[<>:"|?*]/g;

/**
 * A file name that names a file and nothing else: the last path segment,
 * without control or direction characters, at most 255 characters with the
 * extension kept, and `attachment-N` when nothing usable is left.
 */
export function cleanFilename(name: string | undefined, position: number): string {
  const fallback = `attachment-${position}`;
  if (!name) return fallback;
  const flat = oneLine(name, 10_000);
  const lastSegment = flat.slice(Math.max(flat.lastIndexOf('/'), flat.lastIndexOf('\\')) + 1);
  const safe = lastSegment.replace(FILENAME_UNSAFE, '_').trim();
  if (!safe || /^\.+$/.test(safe)) return fallback;
  if (safe.length <= FILENAME_MAX) return safe;
  const dot = safe.lastIndexOf('.');
  const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : '';
  return cutAt(safe, FILENAME_MAX - extension.length).trimEnd() + extension;
}

const MIME_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** A lowercased `type/subtype` of at most 255 characters, or application/octet-stream. */
export function cleanContentType(value: string | undefined): string {
  const type = (value ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return type.length <= 255 && MIME_TYPE.test(type) ? type : 'application/octet-stream';
}
