/**
 * The command palette's matcher: the query's letters must appear in order
 * (a subsequence, case ignored, spaces in the query ignored), and among the
 * ways they can, the best-scoring one wins. Letters at the start of words
 * ("at" → "Assign To…") and runs of adjacent letters ("assi") score highest;
 * gaps cost a little. Pure, so it is tested as tables.
 */

export interface FuzzyMatch {
  score: number;
  /** Positions in the text of the matched characters, ascending (for highlighting). */
  indexes: readonly number[];
}

const SCORE = {
  /** Every matched character. */
  match: 1,
  /** The text's first character. */
  first: 10,
  /** The first letter of a word (after a space, a dash, "/"…). */
  wordStart: 8,
  /** A capital inside a word (camelCase) or a digit after a letter. */
  innerStart: 6,
  /** The character right after the previous match. */
  consecutive: 5,
  /** Each character skipped between two matches. */
  gap: 1,
} as const;

const isWordChar = (char: string) => /[\p{L}\p{N}]/u.test(char);

function boundaryBonus(text: string, index: number): number {
  if (index === 0) return SCORE.first;
  const previous = text.charAt(index - 1);
  const current = text.charAt(index);
  if (!isWordChar(previous) && isWordChar(current)) return SCORE.wordStart;
  const camel = /\p{Ll}/u.test(previous) && /\p{Lu}/u.test(current);
  const digit = /\p{L}/u.test(previous) && /\p{N}/u.test(current);
  return camel || digit ? SCORE.innerStart : 0;
}

/** Lower-cases one UTF-16 unit at a time, so positions in the result are positions in the text. */
function foldCase(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => {
    const char = text.charAt(i);
    const lower = char.toLowerCase();
    return lower.length === 1 ? lower : char;
  });
}

/**
 * Scores `text` against `query`, or null when the query's characters do not
 * all appear in order. An empty query matches everything with score 0.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = foldCase(query.replace(/\s+/g, ''));
  const t = foldCase(text);
  const n = q.length;
  const m = t.length;
  if (n === 0) return { score: 0, indexes: [] };
  if (n > m) return null;

  const bonus = Array.from({ length: m }, (_, j) => boundaryBonus(text, j));
  // best[i][j]: the best score with q[i] matched at t[j] (−∞ if it cannot be).
  // reach[i][j]: the best of best[i][k] − gap·(j−k) over k ≤ j, and which k gave it, so
  // "q[i] somewhere before j, then skip to j" is one lookup rather than a loop.
  // fromRun[i][j]: whether best[i][j] came from q[i−1] at j−1 (for reading the positions back).
  const best = Array.from({ length: n }, () => new Float64Array(m).fill(-Infinity));
  const reach = Array.from({ length: n }, () => new Float64Array(m).fill(-Infinity));
  const reachFrom = Array.from({ length: n }, () => new Int32Array(m).fill(-1));
  const fromRun = Array.from({ length: n }, () => new Uint8Array(m));

  for (let i = 0; i < n; i++) {
    const row = best[i] as Float64Array;
    const rowReach = reach[i] as Float64Array;
    const rowFrom = reachFrom[i] as Int32Array;
    const prev = i > 0 ? (best[i - 1] as Float64Array) : null;
    const prevReach = i > 0 ? (reach[i - 1] as Float64Array) : null;
    for (let j = i; j < m; j++) {
      if (t[j] === q[i]) {
        const here = SCORE.match + (bonus[j] ?? 0);
        if (!prev || !prevReach) {
          row[j] = here;
        } else {
          const run = (prev[j - 1] ?? -Infinity) + SCORE.consecutive;
          const jump = j >= 2 ? (prevReach[j - 2] ?? -Infinity) - SCORE.gap : -Infinity;
          if (run >= jump && run > -Infinity) {
            row[j] = here + run;
            (fromRun[i] as Uint8Array)[j] = 1;
          } else if (jump > -Infinity) {
            row[j] = here + jump;
          }
        }
      }
      const carried = j > 0 ? (rowReach[j - 1] ?? -Infinity) - SCORE.gap : -Infinity;
      if ((row[j] ?? -Infinity) >= carried) {
        rowReach[j] = row[j] ?? -Infinity;
        rowFrom[j] = j;
      } else {
        rowReach[j] = carried;
        rowFrom[j] = rowFrom[j - 1] ?? -1;
      }
    }
  }

  const last = best[n - 1] as Float64Array;
  let end = -1;
  let top = -Infinity;
  for (let j = 0; j < m; j++) {
    const score = last[j] ?? -Infinity;
    if (score > top) [top, end] = [score, j];
  }
  if (end === -1) return null;

  const indexes: number[] = [];
  for (let i = n - 1, j = end; i >= 0; i--) {
    indexes.push(j);
    if (i === 0) break;
    j = (fromRun[i] as Uint8Array)[j] === 1 ? j - 1 : ((reachFrom[i - 1] as Int32Array)[j - 2] ?? -1);
  }
  return { score: top, indexes: indexes.reverse() };
}

/** A keyword match ranks below an equally good match on the title the agent reads. */
const KEYWORD_PENALTY = 5;

export interface Ranked<T> {
  item: T;
  score: number;
  /** Matched positions in the title (empty when only a keyword matched). */
  titleIndexes: readonly number[];
}

/**
 * Filters and orders items for a query: best score first, then the shorter
 * title, then the order given. An empty query keeps everything in order.
 */
export function rankByFuzzy<T>(
  query: string,
  items: readonly T[],
  fields: (item: T) => { title: string; keywords?: readonly string[] },
): Ranked<T>[] {
  if (query.trim() === '') return items.map((item) => ({ item, score: 0, titleIndexes: [] }));
  const ranked: (Ranked<T> & { order: number; length: number })[] = [];
  items.forEach((item, order) => {
    const { title, keywords = [] } = fields(item);
    const onTitle = fuzzyMatch(query, title);
    let score = onTitle?.score ?? -Infinity;
    for (const keyword of keywords) {
      const onKeyword = fuzzyMatch(query, keyword);
      if (onKeyword) score = Math.max(score, onKeyword.score - KEYWORD_PENALTY);
    }
    if (score === -Infinity) return;
    ranked.push({ item, score, titleIndexes: onTitle?.indexes ?? [], order, length: title.length });
  });
  ranked.sort((a, b) => b.score - a.score || a.length - b.length || a.order - b.order);
  return ranked.map(({ item, score, titleIndexes }) => ({ item, score, titleIndexes }));
}

/** Splits text into runs of matched and unmatched characters, for <mark>ing the matched ones. */
export function matchRuns(text: string, indexes: readonly number[]): { text: string; matched: boolean }[] {
  const marked = new Set(indexes);
  const runs: { text: string; matched: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const matched = marked.has(i);
    const tail = runs[runs.length - 1];
    if (tail && tail.matched === matched) tail.text += text.charAt(i);
    else runs.push({ text: text.charAt(i), matched });
  }
  return runs;
}
