import type { SlaMetric } from '#shared/sla/sla-clocks';
import { type SlaStatus, type SlaStep, formatSlaRemaining } from '#shared/sla/sla-status';

/** What a row's timer shows: its colour step (or paused), the compact text and what a screen reader says. */
export interface SlaTimerView {
  step: SlaStep | 'paused';
  text: string;
  label: string;
}

export const SLA_METRIC_LABELS: Record<SlaMetric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

const MINUTE_MS = 60_000;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * A duration in words, to the same precision as formatSlaRemaining shows it:
 * "42 minutes", "2 hours 5 minutes", "3 days 4 hours". Minutes are floored
 * on the signed value, like the compact label, so the two never disagree
 * (one second late is "1 minute" and "-1m").
 */
export function spokenDuration(ms: number): string {
  const total = Math.abs(Math.floor(ms / MINUTE_MS));
  if (total < 60) return plural(total, 'minute');
  const hours = Math.floor(total / 60);
  if (hours < 24)
    return total % 60 === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(total % 60, 'minute')}`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(hours % 24, 'hour')}`;
}

/** The timer for a ticket's status (slaStatus); null when no clock runs, and the row shows nothing. */
export function slaTimerView(status: SlaStatus | null): SlaTimerView | null {
  if (status === null) return null;
  const metric = SLA_METRIC_LABELS[status.metric];
  const text = formatSlaRemaining(status.remainingMs);
  if (status.paused) {
    const left =
      status.remainingMs < 0
        ? `breached by ${spokenDuration(status.remainingMs)}`
        : `${spokenDuration(status.remainingMs)} left`;
    return { step: 'paused', text: `⏸ ${text}`, label: `${metric} paused while waiting on the customer, ${left}` };
  }
  // Breached from the first negative minute, exactly as slaStep and the compact text say.
  if (status.step === 'breached') {
    return { step: status.step, text, label: `${metric} breached ${spokenDuration(status.remainingMs)} ago` };
  }
  return { step: status.step, text, label: `${metric} due in ${spokenDuration(status.remainingMs)}` };
}

export function sameTimerView(a: SlaTimerView | null, b: SlaTimerView | null): boolean {
  return a === b || (a !== null && b !== null && a.step === b.step && a.text === b.text && a.label === b.label);
}
