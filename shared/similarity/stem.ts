/**
 * A light English suffix stripper for similarity (not for search: search
 * matches what a person typed, prefix by prefix). Two tickets about the same
 * fault say "login fails", "login failed" and "failing logins"; without this
 * they share only "login". It is in the spirit of Porter's step 1 (plurals,
 * -ed, -ing) and deliberately stops there: Porter's later steps conflate
 * words with different meanings in support text ("general"/"generate",
 * "organization"/"organ") and cost more than they return on short tickets.
 *
 * The result is a key, not a word ("update" → "updat"): what people see is a
 * surface form of it (see SimilarityIndex's display form).
 *
 * Rules, applied once, in order:
 * 1. plural and third person: "-sses" → "-ss", "-ies" → "-y", "-s" dropped
 *    unless the word ends in "ss", "us" or "is", or has three letters or
 *    fewer ("status", "analysis", "access", "bus" stay);
 * 2. "-ied" → "-y" ("copied" → "copy"); "-ed" and "-ing" dropped when what
 *    is left has a vowel and three letters or more ("failed" → "fail", but
 *    "need", "red", "string" stay), and a doubled final consonant is undoubled
 *    ("stopped" → "stop", "logged" → "log"; not l, s or z: "billing" → "bill");
 * 3. a final "e" dropped from words of four letters or more, so "update",
 *    "updates", "updated" and "updating" meet at "updat".
 */

const VOWEL = /[aeiouy]/;
/** Only plain lowercase ASCII words are stemmed; other scripts, numbers and codes stay as they are. */
const ASCII_WORD = /^[a-z]+$/;
const MIN_STEM = 3;

function dropPlural(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function undouble(stem: string): string {
  const last = stem.at(-1);
  return last !== undefined && last === stem.at(-2) && !'lsz'.includes(last) && !VOWEL.test(last)
    ? stem.slice(0, -1)
    : stem;
}

function dropVerbEnding(word: string): string {
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length >= MIN_STEM && VOWEL.test(stem)) return undouble(stem);
  }
  return word;
}

/** The similarity key of a folded (lowercase, unaccented) word. */
export function stem(word: string): string {
  if (!ASCII_WORD.test(word)) return word;
  const stemmed = dropVerbEnding(dropPlural(word));
  return stemmed.length >= 4 && stemmed.endsWith('e') ? stemmed.slice(0, -1) : stemmed;
}
