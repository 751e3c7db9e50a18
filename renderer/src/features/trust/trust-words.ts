import { PRIORITY_LABELS } from '#shared/domain/labels';
import type { TrustAssessment } from '#shared/trust/assess-trust';

/** "Suggested priority: High — failed 10 days ago: first reply 3 h late on #1042"; null when there is none. */
export function suggestionWords(trust: TrustAssessment): string | null {
  if (trust.suggestedPriority === null || trust.reason === null) return null;
  const why = trust.reason.charAt(0).toLowerCase() + trust.reason.slice(1);
  return `Suggested priority: ${PRIORITY_LABELS[trust.suggestedPriority]} — ${why}`;
}
