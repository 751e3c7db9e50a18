import type { HandoverItem } from '../domain/handover.ts';

/**
 * The receiver's read-back: the step of a handover most often skipped, and
 * the one that catches a misunderstanding. An unstable item needs one, in the
 * receiver's own words: text pasted from the item (its summary, notes,
 * contingency or actions), padded with a few fillers or one word repeated,
 * proves only that the text was seen, not understood.
 */
export const READ_BACK_MIN_WORDS = 4;
/** Distinct words, not in the item's own text nor stopwords, a read-back must bring. */
export const READ_BACK_OWN_WORDS = 3;

/** Words that carry no understanding on their own, so they never count as the receiver's. */
const STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'to',
  'and',
  'or',
  'of',
  'i',
  'will',
  'it',
  'is',
  'on',
  'in',
  'for',
  'if',
  'then',
  'at',
  'be',
]);

/** The distinct words of a text, case and width folded. */
function distinctWords(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0),
  );
}

export type ReadBackItem = Pick<HandoverItem, 'severity' | 'summary' | 'awareness' | 'contingency' | 'actions'>;

/** Why this read-back is refused, or null when it is accepted. */
export function readBackProblem(item: ReadBackItem, readBack: string | undefined): string | null {
  const text = readBack?.trim() ?? '';
  if (item.severity !== 'unstable') return null;
  if (text === '') return 'An unstable item needs a read-back: say in your own words what you will watch and do.';
  const said = distinctWords(text);
  if (said.size < READ_BACK_MIN_WORDS) {
    return `Say a little more (at least ${READ_BACK_MIN_WORDS} different words): what you will watch and what you will do.`;
  }
  const itemText = distinctWords(
    [item.summary, item.awareness, item.contingency, ...item.actions.map((action) => action.text)].join('\n'),
  );
  const own = [...said].filter((word) => !itemText.has(word) && !STOPWORDS.has(word));
  if (own.length < READ_BACK_OWN_WORDS) {
    return `That repeats the summary and notes: a read-back is in your own words (at least ${READ_BACK_OWN_WORDS} words not in the item), so the handover can catch a misunderstanding.`;
  }
  return null;
}
