import { StringDecoder } from 'node:string_decoder';

/** A top-level JSON array that is broken beyond one element (unclosed, or text after it): the file is unreadable. */
export class JsonStreamError extends Error {
  override name = 'JsonStreamError';
}

/** UTF-8 text from byte chunks, never splitting a character across chunks. */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\uFEFF']);

/**
 * The elements of one top-level JSON array, as text, one at a time: a 100 MB
 * export is never held whole, only the element being read. Each element is
 * parsed by the caller, so one broken element is one rejected row, not a failed
 * import. Strings are tracked so brackets and commas inside them do not count.
 */
export async function* jsonArrayElements(text: AsyncIterable<string>): AsyncGenerator<string> {
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let inElement = false;
  let pieces: string[] = [];
  for await (const chunk of text) {
    let start = inElement ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (ended) {
        if (!WHITESPACE.has(c)) throw new JsonStreamError('There is text after the closing ] of the JSON array.');
        continue;
      }
      if (!started) {
        if (WHITESPACE.has(c)) continue;
        if (c !== '[')
          throw new JsonStreamError('The file does not start with a JSON array ([…]) or an object per line.');
        started = true;
        depth = 1;
        continue;
      }
      if (inElement && depth === 1 && (c === ',' || c === ']')) {
        // The end of an element that is not an object or array (a number, a string…).
        yield pieces.join('') + chunk.slice(start, i);
        pieces = [];
        inElement = false;
        if (c === ']') ended = true;
        continue;
      }
      if (!inElement && depth === 1) {
        if (WHITESPACE.has(c) || c === ',') continue;
        if (c === ']') {
          ended = true;
          continue;
        }
        inElement = true;
        start = i;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 1 && inElement) {
          yield pieces.join('') + chunk.slice(start, i + 1);
          pieces = [];
          inElement = false;
        }
      }
    }
    if (inElement) pieces.push(chunk.slice(start));
  }
  if (!ended) throw new JsonStreamError('The JSON array is not closed: the file may be cut off.');
}
