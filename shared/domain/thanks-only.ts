/**
 * Whether a customer's message only says thank you: "Thanks, works now!",
 * "Great, cheers". Solving a ticket invites a reply, and a thank-you that
 * reopens it is not the customer saying the fix failed: it must not go on
 * their trust ledger, nor flag the fix as a possible regression. Deliberately
 * narrow: short, with a word of thanks or approval, and no word that reports
 * trouble; anything else counts as the customer writing again.
 */
const THANKS =
  /\b(thanks?|thank you|thx|ty|cheers|appreciated?|great|perfect|awesome|brilliant|excellent|works?( now| again| fine)?|working( now| again)?|sorted|resolved|fixed|all good)\b/i;
const TROUBLE =
  /\b(not|no|never|still|again\?|but|however|broken|broke|error|errors|fail|fails|failed|failing|issue|issues|problem|problems|bug|crash|crashes|wrong|doesn'?t|don'?t|didn'?t|isn'?t|can'?t|cannot|won'?t|unable|same)\b|\?/i;
export const THANKS_ONLY_MAX_CHARS = 160;

/** The customer's own words: quoted earlier mail (lines starting with ">") and signatures after "-- " are left out. */
function ownWords(body: string): string {
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    if (line.trimEnd() === '--' || line.startsWith('-- ')) break;
    if (/^On .+wrote:\s*$/.test(line.trim())) break;
    if (line.trimStart().startsWith('>')) continue;
    lines.push(line);
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

export function isThanksOnly(body: string): boolean {
  const words = ownWords(body);
  if (words.length === 0 || words.length > THANKS_ONLY_MAX_CHARS) return false;
  return THANKS.test(words) && !TROUBLE.test(words);
}
