import type { CustomerFailure } from '#shared/domain/customer-failure';
import type { SlaConfig } from '#shared/domain/sla-config';
import type { Ticket } from '#shared/domain/ticket';
import type { TicketClock } from '#shared/domain/ticket-clock';
import type { SlaMetric } from '#shared/sla/sla-clocks';
import { withFailure } from '#shared/trust/ledger';
import { breachesOnRecord } from '#shared/trust/ticket-failures';
import type { Sql } from '../db/database.ts';
import { readRow, writeRow } from '../sync/sync-rows.ts';
import type { ImportedTicket } from './import-types.ts';

const SOLVED: ReadonlySet<Ticket['status']> = new Set(['solved', 'closed']);

/**
 * The SLA clock of an imported ticket, from what the source says of its first
 * reply and its solve; undefined when it says neither (the ticket then reads
 * its clock from its status, as every clock-less row does).
 */
export function importedClock(ticket: ImportedTicket, createdAt: number, updatedAt: number): TicketClock | undefined {
  if (ticket.firstReplyAt === null && ticket.solvedAt === null) return undefined;
  // A ticket without a creation time is created now: what the source says happened is not before that.
  const notBefore = (at: number | null) => (at === null ? null : Math.max(at, createdAt));
  return {
    firstReplyAt: notBefore(ticket.firstReplyAt),
    awaitingReplySince: null,
    solvedAt: SOLVED.has(ticket.status) ? notBefore(ticket.solvedAt ?? updatedAt) : null,
    pausedSince: ticket.status === 'pending' ? updatedAt : null,
    pauses: [],
  };
}

/** The clocks whose stop the source recorded, so only they are judged. */
function recordedStops(ticket: ImportedTicket): Set<SlaMetric> {
  const metrics = new Set<SlaMetric>();
  if (ticket.firstReplyAt !== null) metrics.add('first_response');
  if (ticket.solvedAt !== null && SOLVED.has(ticket.status)) metrics.add('resolution');
  return metrics;
}

/**
 * The failures an import finds in the history it brings (SLA targets its
 * tickets missed, under the team's policies), gathered per customer and put
 * on their trust ledgers once the import's tickets and customers are written.
 * A team moving over from another help desk keeps what it owes its customers.
 */
export class ImportedFailures {
  private readonly byCustomer = new Map<string, CustomerFailure[]>();

  constructor(private readonly config: SlaConfig) {}

  note(source: ImportedTicket, ticket: Ticket): void {
    const metrics = recordedStops(source);
    if (metrics.size === 0) return;
    const failures = breachesOnRecord(ticket, this.config, metrics);
    if (failures.length === 0) return;
    const list = this.byCustomer.get(ticket.customerId) ?? [];
    list.push(...failures);
    this.byCustomer.set(ticket.customerId, list);
  }

  /** Writes the ledgers at `version`; returns how many failures were new to them. */
  async record(tx: Sql, workspaceId: string, version: number): Promise<number> {
    let recorded = 0;
    for (const [customerId, failures] of this.byCustomer) {
      const customer = await readRow(tx, workspaceId, 'customer', customerId, { forUpdate: true });
      if (!customer) continue;
      let ledger = customer.failures;
      for (const failure of failures) {
        const next = withFailure(ledger, failure);
        if (next) {
          ledger = next;
          recorded++;
        }
      }
      if (ledger !== customer.failures)
        await writeRow(tx, workspaceId, 'customer', { ...customer, failures: ledger }, version);
    }
    return recorded;
  }
}
