import { ESCALATION_STATUS_LABELS, OPEN_ESCALATION_STATUSES, SEVERITY_LABELS } from '../domain/escalation.ts';
import { PRIORITY_LABELS } from '../domain/labels.ts';
import { TICKET_PRIORITIES, type Ticket } from '../domain/ticket.ts';
import { compareForAnalyst } from '../escalation/analyst-order.ts';
import { formatSlaRemaining, slaStatus } from '../sla/sla-status.ts';
import { assessTrust } from '../trust/assess-trust.ts';
import { type SnapshotSection, defineSnapshotSection } from './snapshot.ts';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** "Tickets breaching in the next 2 hours" (already breached ones included: they are the most urgent). */
export const BREACH_HORIZON_MS = 2 * HOUR_MS;
/** Sections list at most this many lines; the count says how many there are. */
const LINES_MAX = 25;

const label = (ticket: Pick<Ticket, 'number' | 'subject'>) =>
  `${ticket.number === undefined ? '' : `#${ticket.number} `}${ticket.subject}`;
const working = (tickets: readonly Ticket[]) => tickets.filter((ticket) => !ticket.mergedInto);

function age(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export const openByPriority = defineSnapshotSection({
  id: 'open-by-priority',
  title: 'Open tickets by priority',
  compute: ({ tickets }) => {
    const open = working(tickets);
    return {
      count: open.length,
      lines: TICKET_PRIORITIES.map((priority) => ({
        text: `${PRIORITY_LABELS[priority]}: ${open.filter((ticket) => ticket.priority === priority).length}`,
      })),
    };
  },
});

export const breachingSoon = defineSnapshotSection({
  id: 'breaching-soon',
  title: 'Breaching in the next 2 hours',
  compute: ({ tickets, slaConfig }, now) => {
    const due = working(tickets)
      .flatMap((ticket) => {
        const status = slaStatus(ticket, slaConfig, now);
        return status && !status.paused && status.dueAt !== null && status.dueAt <= now + BREACH_HORIZON_MS
          ? [{ ticket, status }]
          : [];
      })
      .sort((a, b) => a.status.dueAt! - b.status.dueAt! || (a.ticket.id < b.ticket.id ? -1 : 1));
    return {
      count: due.length,
      lines: due.slice(0, LINES_MAX).map(({ ticket, status }) => ({
        text: `${label(ticket)}: ${status.remainingMs < 0 ? `breached ${formatSlaRemaining(-status.remainingMs)} ago` : `due in ${formatSlaRemaining(status.remainingMs)}`}`,
        ref: { kind: 'ticket', id: ticket.id },
      })),
    };
  },
});

export const escalationsInFlight = defineSnapshotSection({
  id: 'escalations-in-flight',
  title: 'Escalations in flight',
  compute: ({ escalations }, now) => {
    const open = escalations
      .filter((escalation) => OPEN_ESCALATION_STATUSES.has(escalation.status))
      .sort(compareForAnalyst);
    return {
      count: open.length,
      lines: open.slice(0, LINES_MAX).map((escalation) => ({
        text: `${escalation.severity ? `${SEVERITY_LABELS[escalation.severity]} · ` : ''}${escalation.summary} · ${ESCALATION_STATUS_LABELS[escalation.status]} · sent ${age(now - (escalation.sentAt ?? escalation.createdAt))} ago`,
        ref: { kind: 'escalation', id: escalation.id },
      })),
    };
  },
});

export const atRiskCustomers = defineSnapshotSection({
  id: 'at-risk-customers',
  title: 'At-risk customers with open tickets',
  compute: ({ tickets, customers }, now) => {
    const seen = new Map<string, string>();
    for (const ticket of working(tickets)) {
      if (seen.has(ticket.customerId)) continue;
      const customer = customers.get(ticket.customerId);
      if (!customer) continue;
      const trust = assessTrust(customer.failures ?? [], now, ticket);
      if (trust.atRisk && trust.reason) seen.set(customer.id, `${customer.name}: ${trust.reason}`);
    }
    const lines = [...seen.entries()].sort((a, b) => (a[1] < b[1] ? -1 : 1));
    return {
      count: lines.length,
      lines: lines.slice(0, LINES_MAX).map(([id, text]) => ({ text, ref: { kind: 'customer', id } })),
    };
  },
});

export const unsentReadyPackets = defineSnapshotSection({
  id: 'unsent-ready-packets',
  title: 'Ready escalation packets not sent',
  compute: ({ escalations }, now) => {
    const held = escalations
      .filter((escalation) => escalation.status === 'draft' && escalation.readyAt !== undefined)
      .sort((a, b) => a.readyAt! - b.readyAt!);
    return {
      count: held.length,
      lines: held.slice(0, LINES_MAX).map((escalation) => ({
        text: `${escalation.summary}: ready for ${age(now - escalation.readyAt!)}`,
        ref: { kind: 'escalation', id: escalation.id },
      })),
    };
  },
});

/**
 * The snapshot's sections, in the order a handover shows them. A feature that
 * adds a record to the snapshot (incidents with their next update due)
 * registers its section here.
 */
export const SNAPSHOT_SECTIONS: readonly SnapshotSection[] = [
  openByPriority,
  breachingSoon,
  escalationsInFlight,
  atRiskCustomers,
  unsentReadyPackets,
];
