import {
  type Escalation,
  type EscalationRegression,
  FINISHED_ESCALATION_STATUSES,
  OPEN_ESCALATION_STATUSES,
} from '../domain/escalation.ts';
import { compareForAnalyst } from './analyst-order.ts';

/**
 * The escalations screen's lists and the moves each packet allows, kept pure
 * so the screen only draws them. The buttons offered follow the same status
 * rules the mutators enforce (shared/sync/mutators/escalation), so a button
 * shown is a step the rules accept.
 */

export const CONSOLE_FILTERS = ['mine', 'unassigned', 'open', 'finished'] as const;
export type ConsoleFilter = (typeof CONSOLE_FILTERS)[number];
export const CONSOLE_FILTER_LABELS: Readonly<Record<ConsoleFilter, string>> = {
  mine: 'Mine',
  unassigned: 'Unassigned',
  open: 'All open',
  finished: 'Finished',
};

type Listed = Pick<
  Escalation,
  'id' | 'status' | 'analystId' | 'severity' | 'sentAt' | 'reopenedAt' | 'createdAt' | 'resolution'
>;

/**
 * The analyst console under one filter. Open packets in the analyst's order
 * (most severe, then longest waiting since sent); finished ones most recently
 * resolved first.
 */
export function analystConsoleList<T extends Listed>(packets: readonly T[], filter: ConsoleFilter, me: string): T[] {
  if (filter === 'finished') {
    return packets
      .filter((packet) => FINISHED_ESCALATION_STATUSES.has(packet.status))
      .sort((a, b) => (b.resolution?.at ?? b.createdAt) - (a.resolution?.at ?? a.createdAt) || compareForAnalyst(a, b));
  }
  return packets
    .filter((packet) => OPEN_ESCALATION_STATUSES.has(packet.status))
    .filter((packet) =>
      filter === 'mine' ? packet.analystId === me : filter === 'unassigned' ? packet.analystId === null : true,
    )
    .sort(compareForAnalyst);
}

/** "My packets": everything I wrote, whatever became of it, newest first. */
export function myPackets<T extends Pick<Escalation, 'id' | 'createdBy' | 'createdAt'>>(
  packets: readonly T[],
  me: string,
): T[] {
  return packets
    .filter((packet) => packet.createdBy === me)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

export type AnalystMove = 'acknowledge' | 'ask' | 'start' | 'forward' | 'resolve' | 'reopen';

/** The analyst's moves on a packet in its current status, in the order the screen shows them. */
export function analystMoves(packet: Pick<Escalation, 'status'>): AnalystMove[] {
  switch (packet.status) {
    case 'sent':
      return ['acknowledge', 'ask', 'start', 'forward', 'resolve'];
    case 'acknowledged':
      return ['ask', 'start', 'forward', 'resolve'];
    case 'in_progress':
      return ['ask', 'forward', 'resolve'];
    case 'forwarded':
      return ['ask', 'start', 'forward', 'resolve'];
    // Waiting on the agent: the analyst may add a question or close it, not move it along.
    case 'needs_info':
      return ['ask', 'resolve'];
    case 'fixed':
    case 'wont_fix':
      return ['reopen'];
    default:
      return [];
  }
}

export type AuthorMove = 'edit' | 'answer' | 'followUp';

/** What the agent who wrote the packet can do with it now. */
export function authorMoves(
  packet: Pick<Escalation, 'status' | 'questions' | 'followUp' | 'createdBy'>,
  me: string,
): AuthorMove[] {
  if (packet.createdBy !== me) return [];
  const moves: AuthorMove[] = [];
  if (packet.status === 'draft' || packet.status === 'needs_info') moves.push('edit');
  if (packet.questions.some((question) => question.answer === undefined)) moves.push('answer');
  if (FINISHED_ESCALATION_STATUSES.has(packet.status) && packet.followUp === undefined) moves.push('followUp');
  return moves;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "3 tickets · 2 customers". */
export function describeImpact(impact: Escalation['impact']): string {
  return `${plural(impact.tickets, 'ticket', 'tickets')} · ${plural(impact.customers, 'customer', 'customers')}`;
}

/** "#1203 reopened" or "#1250 looks like #1203 (0.45)"; `numberOf` gives a ticket's "#1203" or a stand-in. */
export function describeRegression(regression: EscalationRegression, numberOf: (ticketId: string) => string): string {
  const ticket = numberOf(regression.ticketId);
  if (regression.kind === 'reopened') return `${ticket} reopened`;
  const like = regression.matchedTicketId === undefined ? 'the fixed tickets' : numberOf(regression.matchedTicketId);
  const score = regression.score === undefined ? '' : ` (${regression.score.toFixed(2)})`;
  return `${ticket} looks like ${like}${score}`;
}

/** The next unused question id for a packet ("q1", "q2"…), so a replay never asks twice. */
export function nextQuestionId(packet: Pick<Escalation, 'questions'>, salt: string): string {
  const taken = new Set(packet.questions.map((question) => question.id));
  for (let n = packet.questions.length + 1; ; n++) {
    const id = `q${n}-${salt}`.slice(0, 40);
    if (!taken.has(id)) return id;
  }
}

const MINUTE_MS = 60_000;

/** "less than a minute", "12 min", "3 h 5 min", "2 d 4 h": a wait, spoken. */
export function describeDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** "sent 12 min ago" ("reopened 5 min ago" once reopened), or "not sent" for a draft. */
export function describeSentAge(packet: Pick<Escalation, 'sentAt' | 'reopenedAt'>, now: number): string {
  const since = packet.reopenedAt ?? packet.sentAt;
  if (since === undefined) return 'not sent';
  const verb = packet.reopenedAt === undefined ? 'sent' : 'reopened';
  const ms = now - since;
  return ms < MINUTE_MS ? `${verb} just now` : `${verb} ${describeDuration(ms)} ago`;
}

/**
 * The readiness age of one of my packets, the figure pacing is about: how
 * long it waited ready before it went (or has waited so far).
 */
export function describeReadyAge(packet: Pick<Escalation, 'status' | 'readyAt' | 'sentAt'>, now: number): string {
  if (packet.readyAt === undefined) return packet.status === 'draft' ? 'Not ready yet' : 'Sent';
  if (packet.sentAt === undefined || packet.sentAt < packet.readyAt) {
    return packet.status === 'draft' ? `Ready for ${describeDuration(now - packet.readyAt)}, not sent` : 'Ready';
  }
  const waited = packet.sentAt - packet.readyAt;
  return waited < MINUTE_MS ? 'Sent as soon as it was ready' : `Sent ${describeDuration(waited)} after it was ready`;
}
