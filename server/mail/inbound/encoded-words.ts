/** One RFC 2047 encoded word: =?charset?B|Q?text?= (a language tag after `*` is ignored). */
const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bq])\?([^?\s]*)\?=/gi;

function decodedBytes(encoding: string, text: string): Buffer {
  if (encoding.toLowerCase() === 'b') return Buffer.from(text, 'base64');
  const qp = text.replace(/_/g, ' ');
  return Buffer.from(
    qp.replace(/=([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

function decoded(charset: string, bytes: Buffer): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown charset name: UTF-8 with replacement characters is the most likely reading.
    return bytes.toString('utf8');
  }
}

/**
 * Decodes the encoded words of a header value, for the fallback path that
 * reads headers without the MIME parser. White space between two encoded
 * words is dropped, as RFC 2047 §6.2 says; undecodable bytes become U+FFFD.
 */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(ENCODED_WORD, (_word, charset: string, encoding: string, text: string) =>
      decoded(charset, decodedBytes(encoding, text)),
    );
}
