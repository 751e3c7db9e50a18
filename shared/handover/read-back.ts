import type { HandoverItem } from '../domain/handover.ts';

/**
 * The receiver's read-back: the step of a handover most often skipped, and
 * the one that catches a misunderstanding. An unstable item needs one, in the
 * receiver's own words: a copy (or a near copy) of the summary proves only
 * that the text was seen, not understood.
 */
export const READ_BACK_MIN_WORDS = 4;
/** Share of the read-back's words found in the summary above which it is a copy. */
export const COPY_OVERLAP = 0.8;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Why this read-back is refused, or null when it is accepted. */
export function readBackProblem(
  item: Pick<HandoverItem, 'severity' | 'summary'>,
  readBack: string | undefined,
): string | null {
  const text = readBack?.trim() ?? '';
  if (item.severity !== 'unstable') return null;
  if (text === '') return 'An unstable item needs a read-back: say in your own words what you will watch and do.';
  const said = words(text);
  if (said.length < READ_BACK_MIN_WORDS) {
    return `Say a little more (at least ${READ_BACK_MIN_WORDS} words): what you will watch and what you will do.`;
  }
  const summary = new Set(words(item.summary));
  const copied = said.filter((word) => summary.has(word)).length / said.length;
  if (copied >= COPY_OVERLAP) {
    return 'That repeats the summary: a read-back is in your own words, so the handover can catch a misunderstanding.';
  }
  return null;
}
