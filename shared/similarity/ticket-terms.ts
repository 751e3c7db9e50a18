import { foldSearchTerm, searchTokens } from '../query/highlight.ts';
import { stem } from './stem.ts';

/**
 * How a ticket's text becomes the terms similarity compares. Words are cut and
 * folded exactly as search does (shared/query/highlight.ts: lowercase, accents
 * removed, punctuation and symbols separate words), so "Résumé" and "resume",
 * "<b>Login</b>" and "login" are one term here too. Then:
 *
 * - stop words go: function words, and the greetings and sign-offs that open
 *   and close nearly every ticket ("hi team … thanks, regards"). Unlike
 *   search, negations go too: "cannot log in" and "login fails" are the same
 *   report, and "not" is in a third of all tickets;
 * - contractions typed without their apostrophe ("cant", "doesnt") are stop
 *   words too, as "can't" is ("can" + "t");
 * - a version number is one term of its first two parts ("4.12.0", "v4.12"
 *   → "4.12"): a release is what a regression's reports have in common;
 * - the ways of saying sign in and sign out are one term each ("log in",
 *   "sign in", "signin", "logon" → "login"; "log out", "sign off" →
 *   "logout"), and "mail" is "email": the same act spelled differently is the
 *   commonest paraphrase in support text; a short list of general help-desk
 *   synonyms does the same for a symptom ("alert", "push", "notify" →
 *   "notification"; "empty" → "blank"; see SYNONYMS);
 * - one- and two-digit numbers go (times, quantities, list numbers); longer
 *   ones stay: an error code (403) or an order number shared by two tickets is
 *   strong evidence they are about the same thing;
 * - tokens longer than 40 characters go (hashes, base64, pasted tokens);
 * - words are stemmed lightly (stem.ts) so "fails", "failed", "failing" meet.
 *
 * No word pairs (bigrams): on tickets, two words that matter together
 * ("login" + "update") already weigh together in the cosine, and bigrams
 * would double the index's postings for little gain.
 */

/** Text read per field: the start of a long body (a pasted log) says what it is about. */
export const MAX_FIELD_CHARS = 4_000;
const MAX_TOKEN_LENGTH = 40;
const SHORT_NUMBER = /^\d{1,2}$/;
/** "4.12", "4.12.0", "v4.12.1" (the "v" is left behind as a one-letter word, dropped). */
const VERSION = /(?<![\d.])(\d{1,4})\.(\d{1,4})(?:\.\d+)*(?![\d.]*\d)/g;
/** Words that, followed by "in"/"on", mean signing in; by "out"/"off", signing out. */
const SIGN_VERBS: ReadonlySet<string> = new Set([
  'log',
  'logs',
  'logged',
  'logging',
  'sign',
  'signs',
  'signed',
  'signing',
]);
const IN_WORDS: ReadonlySet<string> = new Set(['in', 'into', 'on', 'onto']);
const OUT_WORDS: ReadonlySet<string> = new Set(['out', 'off']);
/** Each of `words` (space-separated) read as `term`. */
function wordsFor(term: string, words: string): [string, string][] {
  return words.split(' ').map((word) => [word, term]);
}

/**
 * Single words with the same meaning as another. Kept short and general on
 * purpose: a word joins a class only where a support agent would read the
 * two as the same symptom in any product ("no alerts" / "no notifications",
 * "empty PDF" / "blank PDF"); a longer list starts merging different problems.
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['signin', 'login'],
  ['signon', 'login'],
  ['logon', 'login'],
  ['logins', 'login'],
  ['signout', 'logout'],
  ['logoff', 'logout'],
  ['mail', 'email'],
  ['mails', 'email'],
  ['emails', 'email'],
  // General help-desk vocabulary (any product's queue, not one customer's
  // words): the same symptom named in different words.
  ...wordsFor('notification', 'notifications notify notifies notified alert alerts alerted push pushes'),
  ...wordsFor('blank', 'empty'),
  ...wordsFor('2fa', 'mfa otp'),
  ...wordsFor('password', 'passwords passwd pwd'),
  ...wordsFor('photo', 'photos picture pictures pic pics image images'),
]);

const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being below
  between both but by can cannot could couldn did didn do does doesn doing don down during each even ever few for
  from further get gets got had hadn has hasn have haven having he her here hers herself him himself his how i if in
  into is isn it its itself just let me might more most much must mustn my myself no nor not now of off on once only
  or other ought our ours ourselves out over own same shan she should shouldn so some still such than that the their
  theirs them themselves then there these they this those through to too under until up us very was wasn we were
  weren what when where which while who whom why will with won would wouldn yet you your yours yourself yourselves
  s t d ll m re ve
  cant dont doesnt didnt isnt wasnt arent werent wont couldnt wouldnt shouldnt havent hasnt hadnt im ive youre
  theyre thats theres whats lets ur u able unable anymore anything something everything nothing anyone someone
  everyone nobody already really since
  hi hello hey dear team thanks thank thx cheers regards best kind sincerely please pls kindly
  sent iphone`.split(/\s+/),
);

function keep(word: string): boolean {
  return word.length >= 2 && word.length <= MAX_TOKEN_LENGTH && !SHORT_NUMBER.test(word) && !STOP_WORDS.has(word);
}

/** Cuts a long text at a word boundary near MAX_FIELD_CHARS, so no word is read half. */
export function fieldText(text: string): string {
  if (text.length <= MAX_FIELD_CHARS) return text;
  const cut = text.slice(0, MAX_FIELD_CHARS + 1);
  const lastSpace = cut.search(/\s\S*$/);
  return lastSpace > 0 ? cut.slice(0, lastSpace) : text.slice(0, MAX_FIELD_CHARS);
}

/**
 * Turns text into terms, remembering what each word became: the same words
 * recur across thousands of tickets, and folding and stemming each time would
 * dominate the build. The memory is per analyzer (per index), cleared with it.
 */
export class TermAnalyzer {
  /** Folded word → its term, or null: not a term (a stop word, too short, …). */
  private readonly memo = new Map<string, string | null>();

  /** Calls `visit` with each term of `text` (repeats included) and the folded word (or words) it came from. */
  forEachTerm(text: string, visit: (term: string, word: string) => void): void {
    const field = fieldText(text);
    for (const [, major, minor] of field.matchAll(VERSION)) visit(`${major}.${minor}`, `${major}.${minor}`);
    const words = searchTokens(field.replace(VERSION, ' ')).map(foldSearchTerm);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      if (SIGN_VERBS.has(word)) {
        const next = words[i + 1] ?? '';
        if (IN_WORDS.has(next) || OUT_WORDS.has(next)) {
          const term = IN_WORDS.has(next) ? 'login' : 'logout';
          visit(term, term);
          i++;
          continue;
        }
      }
      let term = this.memo.get(word);
      if (term === undefined) {
        const synonym = SYNONYMS.get(word);
        term = synonym ?? (keep(word) ? stem(word) : null);
        this.memo.set(word, term);
      }
      if (term !== null) visit(term, SYNONYMS.get(word) ?? word);
    }
  }

  /** The terms of `text`, in order (for tests and tools). */
  terms(text: string): string[] {
    const terms: string[] = [];
    this.forEachTerm(text, (term) => terms.push(term));
    return terms;
  }

  clear(): void {
    this.memo.clear();
  }
}
