import { decodeEncodedWords } from './encoded-words.ts';
import { htmlToPlainText } from './html-to-plain-text.ts';
import { type RawHeaders, firstHeader, scanHeaderBlock } from './raw-headers.ts';

/** Header blocks are read this far: past the MIME parser's own 1 MB limit, which may be why we are here. */
const HEADER_SCAN_BYTES = 4 * 1024 * 1024;
/** The body shown is at most this many bytes of raw text; a message keeps 100,000 characters anyway. */
const BODY_BYTES_MAX = 1024 * 1024;
/** Markup that says the raw body is HTML, so its tags are removed rather than shown. */
const LOOKS_LIKE_HTML = /<(?:html|head|body|div|p|br|table|span|font|script|style|a|img|iframe)\b/i;

/** A single-part body in base64 or quoted-printable is decoded: those bytes mean nothing to a reader. */
function decodedBody(bytes: Buffer, headers: RawHeaders): string {
  const encoding = (firstHeader(headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  const contentType = firstHeader(headers, 'content-type') ?? '';
  if (/^\s*multipart\//i.test(contentType)) return bytes.toString('utf8');
  let decoded = bytes;
  if (encoding === 'base64') decoded = Buffer.from(bytes.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (encoding === 'quoted-printable') {
    const text = bytes.toString('latin1').replace(/=\r?\n/g, '');
    decoded = Buffer.from(
      text.replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
  }
  const charset = /charset\s*=\s*"?([A-Za-z0-9._:-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(decoded);
  } catch {
    return decoded.toString('utf8');
  }
}

export interface RawReading {
  headers: RawHeaders;
  subject: string;
  body: string;
}

/**
 * A mail the MIME parser could not read, rendered from its raw bytes: the
 * headers by a simple scan, the body as its raw text decoded as UTF-8 (bytes
 * that are not become U+FFFD; a single part's transfer encoding and charset
 * are undone), with tags removed when it is HTML. The parts of a multipart
 * body stay as they are, boundary lines and all: an agent can still read a
 * damaged mail, and the original stays in the mailbox.
 */
export function readRawFallback(raw: Buffer, problems: string[]): RawReading {
  const { headers, bodyStart } = scanHeaderBlock(raw, HEADER_SCAN_BYTES);
  const bodyBytes = raw.subarray(bodyStart, bodyStart + BODY_BYTES_MAX);
  if (raw.length - bodyStart > BODY_BYTES_MAX) {
    problems.push(
      `Only the first ${BODY_BYTES_MAX.toLocaleString('en')} bytes of the ${(raw.length - bodyStart).toLocaleString('en')}-byte raw body were read.`,
    );
  }
  const text = decodedBody(bodyBytes, headers);
  const declaredHtml = /^\s*text\/html\b/i.test(firstHeader(headers, 'content-type') ?? '');
  const body = declaredHtml || LOOKS_LIKE_HTML.test(text) ? htmlToPlainText(text, problems) : text;
  return { headers, subject: decodeEncodedWords(firstHeader(headers, 'subject') ?? ''), body };
}
