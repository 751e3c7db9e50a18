/**
 * How search text is cut into words and compared, and how a matched ticket's
 * text is split into highlighted and plain runs. The search index uses the same
 * tokenizer and folding (renderer/src/query/search/ticket-search-index.ts), so
 * a term the index reports as matched is always found again here.
 *
 * Nothing here produces markup: segments are plain strings that the UI renders
 * as text (matches inside <mark> elements it creates itself), so customer text
 * such as "<b>urgent</b>" is shown literally, never interpreted.
 */

/**
 * What separates words: whitespace, punctuation and symbols. Symbols are
 * included (unlike MiniSearch's default) so that "<b>Login</b>" or "a+b"
 * still yield the words "login", "a" and "b".
 */
const SEPARATOR = /[\n\r\p{Z}\p{P}\p{S}]+/u;
const WORD = /[^\n\r\p{Z}\p{P}\p{S}]+/gu;
const COMBINING_MARK = /\p{M}/gu;
/** Printable ASCII: folding is just lowercasing, and per character equals per word. */
const PRINTABLE_ASCII = /^[ -~]*$/;

/** Words of a text, in order, unfolded. */
export function searchTokens(text: string): string[] {
  return text.split(SEPARATOR).filter((word) => word.length > 0);
}

function foldCodePoint(char: string): string {
  const folded = char.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase();
  // toLowerCase() of a whole word turns a final capital sigma into "ς"; one
  // character alone gives "σ". Folding both to "σ" keeps word and character agree.
  return folded === 'ς' ? 'σ' : folded;
}

/**
 * The comparable form of a word: lowercase, accents removed ("Résumé" →
 * "resume"). Defined one code point at a time, so that the highlighter can map
 * a folded prefix back to the original characters exactly.
 */
export function foldSearchTerm(word: string): string {
  // The common case, and the one the index meets millions of times while building.
  if (PRINTABLE_ASCII.test(word)) return word.toLowerCase();
  let folded = '';
  for (const char of word) folded += foldCodePoint(char);
  return folded;
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/**
 * Length, in UTF-16 units of `word`, of the shortest start of `word` whose
 * folded form covers `foldedLength` folded characters, including combining
 * marks that follow it ("e\u0301" stays whole).
 */
function originalPrefixLength(word: string, foldedLength: number): number {
  let folded = 0;
  let index = 0;
  for (const char of word) {
    if (folded >= foldedLength && foldCodePoint(char) !== '') break;
    folded += foldCodePoint(char).length;
    index += char.length;
  }
  return index;
}

function push(segments: HighlightSegment[], text: string, match: boolean): void {
  if (text === '') return;
  const last = segments.at(-1);
  if (last && last.match === match) last.text += text;
  else segments.push({ text, match });
}

/**
 * Splits `text` into runs, marking the start of every word that begins with
 * one of `terms` (case- and accent-insensitively; the longest term wins). A
 * term matches word starts only: "word" does not light up inside "password",
 * while "pass" lights up "Pass" in "Password". Terms are split into words the
 * way the text is, so a query typed with punctuation ("ana@acme") still works.
 * Concatenating the segments' text gives back `text` unchanged.
 */
export function highlightSegments(text: string, terms: readonly string[]): HighlightSegment[] {
  const folded = [...new Set(terms.flatMap(searchTokens).map(foldSearchTerm))]
    .filter((term) => term.length > 0)
    .sort((a, b) => b.length - a.length);
  const segments: HighlightSegment[] = [];
  if (folded.length === 0) {
    push(segments, text, false);
    return segments;
  }
  let position = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0];
    const foldedWord = foldSearchTerm(word);
    const term = folded.find((candidate) => foldedWord.startsWith(candidate));
    if (term === undefined) continue;
    const matchedLength = originalPrefixLength(word, term.length);
    push(segments, text.slice(position, found.index), false);
    push(segments, word.slice(0, matchedLength), true);
    position = found.index + matchedLength;
  }
  push(segments, text.slice(position), false);
  return segments;
}
