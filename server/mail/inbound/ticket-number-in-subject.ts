/** `[#1234]`, as our outgoing subjects end; 1 to 9 digits, so the number fits any integer column. */
const TICKET_TAG = /\[#(\d{1,9})\]/g;

/**
 * The ticket number a subject carries (`Re: Printer jams [#1234]`), or null.
 * When there are several (a customer forwarded one ticket's mail into
 * another), the last one wins: it is the one our own reply appended.
 */
export function ticketNumberInSubject(subject: string): number | null {
  const last = [...subject.matchAll(TICKET_TAG)].at(-1)?.[1];
  if (last === undefined) return null;
  const number = Number(last);
  return number > 0 ? number : null;
}
