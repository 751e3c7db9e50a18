import type { EscalationSeverity, PacketFields } from '../domain/escalation.ts';

/**
 * Whether a packet is ready to send, and what is missing if not. Ready means
 * an analyst can start without asking anything: what is wrong (summary,
 * expected vs actual), how bad (severity, at least one linked ticket or a
 * problem for the impact), how to see it (steps, environment) and what the
 * agent already ruled out. Evidence is advised, not required: a fault seen
 * only in a customer's words is still worth handing over now.
 */
export type PacketField = keyof PacketFields | 'impact';

export interface ReadinessGap {
  field: PacketField;
  /** Completes "Missing: …", in the agent's words. */
  says: string;
}

export interface Readiness {
  ready: boolean;
  missing: ReadinessGap[];
  /** Not blocking, but worth a line: "No evidence yet: …". */
  advice: ReadinessGap[];
}

export interface PacketDraft extends PacketFields {
  ticketIds: readonly string[];
  problemId?: string | undefined;
}

/** Shorter than this says nothing an analyst can act on ("broken", "help"). */
export const SUMMARY_MIN = 10;
/** A step list is at least one sentence. */
export const STEPS_MIN = 10;
/** Answers that look filled in but are not. */
const PLACEHOLDERS = new Set(['n/a', 'na', 'none', '-', '--', '?', '??', 'tbd', 'todo', 'unknown', 'idk', 'x', '.']);

function meaningful(text: string, min = 3): boolean {
  const trimmed = text.trim();
  return trimmed.length >= min && !PLACEHOLDERS.has(trimmed.toLowerCase());
}

/** Case- and spacing-blind: "Login fails" written twice is not an expected/actual pair. */
function sameText(a: string, b: string): boolean {
  const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
  return normal(a) === normal(b);
}

export function packetReadiness(packet: PacketDraft): Readiness {
  const missing: ReadinessGap[] = [];
  const advice: ReadinessGap[] = [];
  if (!meaningful(packet.summary, SUMMARY_MIN)) {
    missing.push({ field: 'summary', says: `a one-line summary (at least ${SUMMARY_MIN} characters)` });
  }
  if (packet.severity === null) missing.push({ field: 'severity', says: 'the severity' });
  if (packet.ticketIds.length === 0 && packet.problemId === undefined) {
    missing.push({ field: 'impact', says: 'at least one linked ticket or a problem, so the impact can be counted' });
  }
  if (!meaningful(packet.stepsToReproduce, STEPS_MIN)) {
    missing.push({ field: 'stepsToReproduce', says: 'steps to reproduce (or how it shows for customers)' });
  }
  if (!meaningful(packet.expected)) missing.push({ field: 'expected', says: 'what was expected' });
  if (!meaningful(packet.actual)) missing.push({ field: 'actual', says: 'what happened instead' });
  else if (meaningful(packet.expected) && sameText(packet.expected, packet.actual)) {
    missing.push({ field: 'actual', says: 'what happened instead, different from what was expected' });
  }
  if (!meaningful(packet.environment)) {
    missing.push({ field: 'environment', says: 'the environment (version, platform, account or region)' });
  }
  if (!meaningful(packet.tried)) missing.push({ field: 'tried', says: 'what was already tried' });
  if (packet.evidence.length === 0) {
    advice.push({ field: 'evidence', says: 'no evidence yet: a log excerpt or a link saves the analyst a round trip' });
  }
  return { ready: missing.length === 0, missing, advice };
}

/** "Missing: the severity, what was expected and what was already tried." */
export function describeGaps(gaps: readonly ReadinessGap[]): string {
  const says = gaps.map((gap) => gap.says);
  if (says.length === 0) return 'Nothing missing.';
  const list = says.length === 1 ? says[0]! : `${says.slice(0, -1).join(', ')} and ${says.at(-1)!}`;
  return `Missing: ${list}.`;
}

/**
 * A severity to start from, from the linked tickets: the agent confirms or
 * changes it. SEV1 (critical) is never suggested: declaring one is a human
 * call with consequences (incidents, paging).
 */
export function suggestedSeverity(
  tickets: readonly { priority: string }[],
  customersAffected: number,
): EscalationSeverity | null {
  if (tickets.length === 0) return null;
  if (tickets.some((ticket) => ticket.priority === 'urgent') || customersAffected >= 20) return 'sev2';
  if (tickets.some((ticket) => ticket.priority === 'high') || customersAffected >= 5) return 'sev3';
  return 'sev4';
}
