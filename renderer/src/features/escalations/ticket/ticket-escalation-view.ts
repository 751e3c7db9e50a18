import type { Escalation, EscalationRegression } from '#shared/domain/escalation';

type Flagged = Pick<Escalation, 'id' | 'status' | 'summary' | 'resolution' | 'regressions'>;

export interface RegressionNotice<E extends Flagged = Flagged> {
  escalation: E;
  regression: EscalationRegression;
  /** When the fix it may undo landed. */
  fixedAt: number;
}

/**
 * The fixes this ticket may show did not hold: fixed escalations that flagged
 * it (it reopened after the fix, or it is a new ticket that looks like the
 * fixed ones). Once an escalation is reopened the notice goes: it is being
 * worked again.
 */
export function regressionNotices<E extends Flagged>(
  ticketId: string,
  escalations: readonly E[],
): RegressionNotice<E>[] {
  const notices: RegressionNotice<E>[] = [];
  const seen = new Set<string>();
  for (const escalation of escalations) {
    if (seen.has(escalation.id) || escalation.status !== 'fixed' || !escalation.resolution) continue;
    seen.add(escalation.id);
    const regression = escalation.regressions.find((candidate) => candidate.ticketId === ticketId);
    if (regression) notices.push({ escalation, regression, fixedAt: escalation.resolution.at });
  }
  return notices;
}

/** "Possible regression of the fix “Invoice PDFs blank” (fixed 3 May, 14:02): this ticket reopened after it." */
export function describeRegression(notice: RegressionNotice, formatTime: (at: number) => string): string {
  const why =
    notice.regression.kind === 'reopened'
      ? 'this ticket reopened after it'
      : `this new ticket looks like the fixed ones${notice.regression.score === undefined ? '' : ` (${Math.round(notice.regression.score * 100)}% alike)`}`;
  return `Possible regression of the fix “${notice.escalation.summary.trim()}” (fixed ${formatTime(notice.fixedAt)}): ${why}.`;
}
