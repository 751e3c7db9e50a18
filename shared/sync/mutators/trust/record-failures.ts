import type { CustomerFailure } from '../../../domain/customer-failure.ts';
import type { Problem } from '../../../domain/problem.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { type Reopener, problemWords } from '../../../trust/failure-words.ts';
import { withFailure } from '../../../trust/ledger.ts';
import { breachesOfChange, mayStopClocks, reopenOfChange } from '../../../trust/ticket-failures.ts';
import type { MutatorTx } from '../../mutator.ts';
import { teamSlaConfig } from '../sla/team-sla-config.ts';

/**
 * Adds a failure to a customer's trust ledger, once: a failure already there
 * (same key: a rebase replaying the mutation, a second report of one problem)
 * or a customer this store does not hold (deleted, or a device behind) leaves
 * everything as it was, and writes nothing.
 */
export async function recordCustomerFailure(
  tx: MutatorTx,
  customerId: string,
  failure: CustomerFailure,
): Promise<void> {
  const customer = await tx.get('customer', customerId);
  if (!customer) return;
  const failures = withFailure(customer.failures, failure);
  if (failures) await tx.put('customer', { ...customer, failures });
}

/**
 * What a change to a ticket cost its customer's trust: SLA clocks it stopped
 * after their deadline, and a reopen of a solved ticket. Called by whatever
 * changes a ticket's clock or status (reply, status move, the customer
 * writing again), with the ticket before and after. Cheap when nothing
 * stopped: the SLA config is read only then.
 */
export async function recordTicketFailures(
  tx: MutatorTx,
  before: Ticket,
  after: Ticket,
  at: number,
  by: Reopener,
): Promise<void> {
  const reopen = reopenOfChange(before, after, at, by);
  if (reopen) await recordCustomerFailure(tx, after.customerId, reopen);
  if (!mayStopClocks(before, after)) return;
  for (const breach of breachesOfChange(before, after, await teamSlaConfig(tx), at)) {
    await recordCustomerFailure(tx, after.customerId, breach);
  }
}

/**
 * A problem hit the customers behind a ticket linked to it: the requester's
 * and those of every ticket merged into it. Once per problem per customer,
 * however many of their tickets are linked; failed when the ticket came in.
 */
export async function recordProblemFailures(tx: MutatorTx, problem: Problem, ticket: Ticket): Promise<void> {
  const failure: CustomerFailure = {
    key: `problem:${problem.id}`,
    kind: 'problem',
    at: ticket.createdAt,
    ticketId: ticket.id,
    ...(ticket.number === undefined ? {} : { ticketNumber: ticket.number }),
    problemId: problem.id,
    what: problemWords(problem.title, ticket),
  };
  const customers = new Set([ticket.customerId, ...(ticket.merged ?? []).map((merged) => merged.customerId)]);
  for (const customerId of customers) await recordCustomerFailure(tx, customerId, failure);
}
