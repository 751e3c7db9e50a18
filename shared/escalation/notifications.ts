import type { Escalation, EscalationLogEntry, EscalationStep } from '../domain/escalation.ts';

/**
 * Escalation notifications, derived from the packets' logs rather than stored:
 * every device that holds the escalations can tell its person what happened,
 * and there is no second record to keep in step with the first.
 *
 * - The agent who wrote a packet hears what the analyst (or the watch) did
 *   with it: acknowledged, asked, started, forwarded, resolved, a regression.
 * - An analyst hears about the packets with them, or with nobody yet: a new
 *   one sent, an answer to their question, a finished one reopened.
 *
 * Nobody is told about their own steps.
 */

/** What the writer of a packet hears about. */
export const AUTHOR_STEPS: ReadonlySet<EscalationStep> = new Set([
  'acknowledged',
  'asked',
  'started',
  'forwarded',
  'fixed',
  'wont_fix',
  'regression',
]);

/** What an analyst hears about, on packets with them or with nobody. */
export const ANALYST_STEPS: ReadonlySet<EscalationStep> = new Set(['sent', 'answered', 'reopened', 'regression']);

export interface EscalationNotification {
  /** Stable across devices and reloads: `escalationId@at:step`. */
  key: string;
  escalationId: string;
  at: number;
  step: EscalationStep;
  by: string | null;
  /** The packet's summary, for "on “…”". */
  summary: string;
  /** One line, in words: "Priya Nair asked: Which app version?". */
  text: string;
}

export interface NotificationReader {
  id: string;
  /** Works escalations (an analyst, a lead): hears about packets sent to them or to anyone. */
  works: boolean;
}

/** "Priya Nair asked: Which app version?", from the step and its detail. */
export function describeStep(entry: Pick<EscalationLogEntry, 'step' | 'detail'>, who: string): string {
  const detail = entry.detail?.trim() ? entry.detail.trim() : null;
  const withDetail = (text: string) => (detail ? `${text}: ${detail}` : text);
  switch (entry.step) {
    case 'acknowledged':
      return `${who} acknowledged it`;
    case 'asked':
      return withDetail(`${who} asked`);
    case 'started':
      return `${who} started work on it`;
    case 'forwarded':
      return withDetail(`${who} forwarded it to engineering`);
    case 'fixed':
      return withDetail(`${who} marked it fixed`);
    case 'wont_fix':
      return withDetail(`${who} marked it won’t fix`);
    case 'regression':
      return withDetail('Possible regression');
    case 'sent':
      return `${who} sent it`;
    case 'answered':
      return withDetail(`${who} answered`);
    case 'reopened':
      return withDetail(`${who} reopened it`);
    case 'created':
      return `${who} started a packet`;
    case 'followed_up':
      return `${who} followed up with the customers`;
    case 'withdrawn':
      return `${who} withdrew it`;
  }
}

function asked(escalation: Escalation, readerId: string): boolean {
  return escalation.questions.some((question) => question.askedBy === readerId);
}

function concerns(escalation: Escalation, entry: EscalationLogEntry, reader: NotificationReader): boolean {
  if (entry.by === reader.id) return false;
  if (escalation.createdBy === reader.id && AUTHOR_STEPS.has(entry.step)) return true;
  // An answer goes to whoever asked, even if the packet has since moved to another analyst.
  if (entry.step === 'answered' && reader.works && asked(escalation, reader.id)) return true;
  const withReader = escalation.analystId === reader.id || escalation.analystId === null;
  return reader.works && withReader && ANALYST_STEPS.has(entry.step);
}

/**
 * Everything the reader should hear about, newest first. `nameOf` turns a
 * user id (or null, for what no one on the team did) into a name.
 */
export function escalationNotifications(
  escalations: readonly Escalation[],
  reader: NotificationReader,
  nameOf: (userId: string | null) => string,
): EscalationNotification[] {
  const out: EscalationNotification[] = [];
  for (const escalation of escalations) {
    for (const entry of escalation.log) {
      if (!concerns(escalation, entry, reader)) continue;
      out.push({
        key: `${escalation.id}@${entry.at}:${entry.step}`,
        escalationId: escalation.id,
        at: entry.at,
        step: entry.step,
        by: entry.by,
        summary: escalation.summary.trim() || 'an untitled packet',
        text: describeStep(entry, nameOf(entry.by)),
      });
    }
  }
  return out.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** How many the reader has not seen: those after the "seen up to" mark of this device. */
export function unreadCount(notifications: readonly Pick<EscalationNotification, 'at'>[], seenUpTo: number): number {
  return notifications.filter((notification) => notification.at > seenUpTo).length;
}

/** The newest moment among them, or the mark itself: what "seen up to" moves to when the list is read. */
export function newestAt(notifications: readonly Pick<EscalationNotification, 'at'>[], mark: number): number {
  return notifications.reduce((newest, notification) => Math.max(newest, notification.at), mark);
}

export interface OpenQuestion {
  escalationId: string;
  questionId: string;
  summary: string;
  askedBy: string;
  askedAt: number;
  text: string;
}

/**
 * Questions an analyst asked on my packets that I have not answered, oldest
 * first: the banner that makes sure a question lands on the agent's screen.
 */
export function openQuestionsFor(escalations: readonly Escalation[], me: string): OpenQuestion[] {
  const out: OpenQuestion[] = [];
  for (const escalation of escalations) {
    // Only while the packet waits on the answer: one resolved meanwhile needs none.
    if (escalation.createdBy !== me || escalation.status !== 'needs_info') continue;
    for (const question of escalation.questions) {
      if (question.answer !== undefined || question.askedBy === me) continue;
      out.push({
        escalationId: escalation.id,
        questionId: question.id,
        summary: escalation.summary.trim() || 'an untitled packet',
        askedBy: question.askedBy,
        askedAt: question.askedAt,
        text: question.text,
      });
    }
  }
  return out.sort((a, b) => a.askedAt - b.askedAt);
}
