import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Customer } from '#shared/domain/customer';
import type { CustomerFailure } from '#shared/domain/customer-failure';
import type { Ticket } from '#shared/domain/ticket';
import { type TrustAssessment, assessTrust } from '#shared/trust/assess-trust';
import { liveBreaches } from '#shared/trust/ticket-failures';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useQuerySlaConfig } from '../sla/use-query-sla.ts';
import { loadCustomerActiveTickets } from './customer-active-tickets.ts';

export interface CustomerTrust {
  /** From the recorded ledger: at risk, why, and the suggested priority. */
  assessment: TrustAssessment;
  /** Deadlines passing right now on the customer's other active tickets, newest first. */
  overdue: CustomerFailure[];
}

/**
 * The trust ledger of the customer behind `ticket`, judged at `now`.
 *
 * Only recorded failures make a customer at risk. A deadline passing right
 * now on another of their tickets is listed beside them, but not counted:
 * that ticket's own timer and the breach alerts already call for it, and in
 * a flood's backlog it would put most customers at risk and suggest Urgent
 * everywhere, when triage most needs priorities that still mean something.
 * The late answer (or solve) records the breach, and from then on it counts.
 *
 * undefined while the pieces load, and for no ticket.
 */
export function useCustomerTrust(
  ticket: Ticket | undefined,
  customer: Customer | undefined,
  now: number,
): CustomerTrust | undefined {
  const { db } = useWorkspace();
  const config = useQuerySlaConfig();
  const customerId = ticket?.customerId;
  const active = useLiveQuery(
    () => (customerId === undefined ? [] : loadCustomerActiveTickets(db, customerId)),
    [db, customerId],
  );
  return useMemo(() => {
    if (!ticket || active === undefined || config === null) return undefined;
    return {
      assessment: assessTrust(customer?.failures ?? [], now, ticket),
      overdue: liveBreaches(active, config, now, ticket.id).sort((a, b) => b.at - a.at),
    };
  }, [ticket, customer, active, config, now]);
}
