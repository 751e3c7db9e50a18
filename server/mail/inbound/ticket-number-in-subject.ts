/** Our outgoing subjects end in ` [#1234]`; the last such tag in a subject names the ticket. */
export function ticketNumberInSubject(subject: string): number | null {
  const matches = [...subject.matchAll(/\[#(\d{1,9})\]/g)];
  const last = matches.at(-1)?.[1];
  return last === undefined ? null : Number(last);
}
