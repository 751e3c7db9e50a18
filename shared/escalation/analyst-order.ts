import { ESCALATION_SEVERITIES, type Escalation } from '../domain/escalation.ts';

/**
 * The analyst console's order: most severe first, and within one severity the
 * packet that has waited longest (since it was sent) first. A packet without
 * a severity (never sent, so never listed) sorts last. Ties fall back to the
 * id so every device lists the same order.
 */
export function compareForAnalyst(
  a: Pick<Escalation, 'id' | 'severity' | 'sentAt' | 'reopenedAt' | 'createdAt'>,
  b: Pick<Escalation, 'id' | 'severity' | 'sentAt' | 'reopenedAt' | 'createdAt'>,
): number {
  const rank = (packet: Pick<Escalation, 'severity'>) =>
    packet.severity === null ? ESCALATION_SEVERITIES.length : ESCALATION_SEVERITIES.indexOf(packet.severity);
  return (
    rank(a) - rank(b) ||
    (a.reopenedAt ?? a.sentAt ?? a.createdAt) - (b.reopenedAt ?? b.sentAt ?? b.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
