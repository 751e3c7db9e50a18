import type { SlaClock } from '#shared/sla/sla-clocks';
import { formatSlaRemaining, slaStep } from '#shared/sla/sla-status';
import { SLA_METRIC_LABELS, spokenDuration } from './sla-timer-view.ts';

/** How the detail view lists one clock: its state and the words for it. */
export interface SlaClockRow {
  metric: SlaClock['metric'];
  name: string;
  state: 'running' | 'paused' | 'met' | 'breached';
  /** Colour step for running clocks (paused and stopped ones have their own look). */
  step: ReturnType<typeof slaStep> | null;
  /** When it is (or was) due; null while paused. */
  dueAt: number | null;
  /** "in 42m", "-15m", "⏸ 42m left", "met", "breached by 15m". */
  summary: string;
  /** What a screen reader says. */
  label: string;
}

/** A ticket's clocks (slaClocks) as the detail view lists them, at `now`. Pure, for tests. */
export function slaClockRows(clocks: readonly SlaClock[], now: number): SlaClockRow[] {
  return clocks.map((clock): SlaClockRow => {
    const name = SLA_METRIC_LABELS[clock.metric];
    switch (clock.state) {
      case 'running': {
        const remaining = clock.dueAt - now;
        const step = slaStep(remaining);
        const breached = step === 'breached';
        return {
          metric: clock.metric,
          name,
          state: 'running',
          step,
          dueAt: clock.dueAt,
          summary: breached ? formatSlaRemaining(remaining) : `in ${formatSlaRemaining(remaining)}`,
          label: breached
            ? `${name} breached ${spokenDuration(remaining)} ago`
            : `${name} due in ${spokenDuration(remaining)}`,
        };
      }
      case 'paused': {
        const left = clock.remainingWorkingMsAtPause;
        return {
          metric: clock.metric,
          name,
          state: 'paused',
          step: null,
          dueAt: null,
          summary: `⏸ ${formatSlaRemaining(left)} left`,
          label: `${name} paused while waiting on the customer, ${
            left < 0 ? `breached by ${spokenDuration(left)}` : `${spokenDuration(left)} left`
          }`,
        };
      }
      case 'met': {
        const late = clock.stoppedAt - clock.dueAt;
        return {
          metric: clock.metric,
          name,
          state: clock.breached ? 'breached' : 'met',
          step: null,
          dueAt: clock.dueAt,
          summary: clock.breached ? `breached by ${formatSlaRemaining(late)}` : 'met',
          label: clock.breached ? `${name} breached: done ${spokenDuration(late)} late` : `${name} met in time`,
        };
      }
    }
  });
}
