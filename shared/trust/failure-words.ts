import type { Ticket } from '../domain/ticket.ts';
import type { SlaMetric } from '../sla/sla-clocks.ts';
import { DAY_MS, MINUTE_MS } from '../sla/zoned-time.ts';

const HOUR_MS = 60 * MINUTE_MS;

/** How a failure names the promise it broke: "First reply 3 h late". */
export const BREACH_WORDS: Readonly<Record<SlaMetric, string>> = {
  first_response: 'First reply',
  next_response: 'Reply',
  resolution: 'Resolution',
};

/** "45 min", "3 h", "2 d": how late, to the precision a person reads a ledger line at. */
export function formatLateness(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(ms / DAY_MS)} d`;
}

/** "#1042", or the id of a ticket from before numbering. */
export function ticketWords(ticket: Pick<Ticket, 'id' | 'number'>): string {
  return ticket.number === undefined ? `ticket ${ticket.id}` : `#${ticket.number}`;
}

/** "First reply 3 h late on #1042": a clock that stopped after its deadline. */
export function breachWords(metric: SlaMetric, lateMs: number, ticket: Pick<Ticket, 'id' | 'number'>): string {
  return `${BREACH_WORDS[metric]} ${formatLateness(lateMs)} late on ${ticketWords(ticket)}`;
}

/** "First reply 2 h overdue on #1043": a deadline that has passed, the clock still running. */
export function overdueWords(metric: SlaMetric, lateMs: number, ticket: Pick<Ticket, 'id' | 'number'>): string {
  return `${BREACH_WORDS[metric]} ${formatLateness(lateMs)} overdue on ${ticketWords(ticket)}`;
}

/** Who reopened a solved ticket: an agent, or the customer writing again. */
export type Reopener = 'agent' | 'customer';

export function reopenWords(ticket: Pick<Ticket, 'id' | 'number'>, by: Reopener): string {
  return by === 'customer'
    ? `${ticketWords(ticket)} reopened: the customer wrote again after it was solved`
    : `${ticketWords(ticket)} reopened after it was solved`;
}

/** Longest problem title quoted in a ledger line; the problem itself has the rest. */
const TITLE_QUOTED = 120;

export function problemWords(title: string, ticket: Pick<Ticket, 'id' | 'number'>): string {
  const quoted = title.length > TITLE_QUOTED ? `${title.slice(0, TITLE_QUOTED - 1)}…` : title;
  return `Hit by the problem “${quoted}” (${ticketWords(ticket)})`;
}
