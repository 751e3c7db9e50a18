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

/** The customers behind a ticket: its requester's, and those of every ticket merged into it. */
function customersBehind(ticket: Ticket): Set<string> {
  return new Set([ticket.customerId, ...(ticket.merged ?? []).map((merged) => merged.customerId)]);
}

/**
 * A problem hit the customers behind a ticket just linked to it: once per
 * problem per customer, however many of their tickets are linked; failed when
 * the ticket came in. Called after the link is written, with the ticket as it
 * was: one moved off another problem was a different fault after all, so
 * that problem is withdrawn from their ledgers (see withdrawProblemFailures).
 */
export async function recordProblemFailures(tx: MutatorTx, problem: Problem, ticket: Ticket): Promise<void> {
  const failure: CustomerFailure = {
    key: problemKey(problem.id),
    kind: 'problem',
    at: ticket.createdAt,
    ticketId: ticket.id,
    ...(ticket.number === undefined ? {} : { ticketNumber: ticket.number }),
    problemId: problem.id,
    what: problemWords(problem.title, ticket),
  };
  for (const customerId of customersBehind(ticket)) await recordCustomerFailure(tx, customerId, failure);
  if (ticket.problemId !== undefined && ticket.problemId !== problem.id) {
    await withdrawProblemFailures(tx, ticket.problemId, ticket);
  }
}

/**
 * A ticket taken off a problem (after that is written): the problem did not
 * hit its customers through it, so it leaves the ledger of each one no other
 * linked ticket still ties to the problem. A device holding only some of the
 * linked tickets may withdraw it too eagerly; the server's answer, which sees
 * them all, arrives with the next pull.
 */
export async function withdrawProblemFailures(tx: MutatorTx, problemId: string, ticket: Ticket): Promise<void> {
  const customers = customersBehind(ticket);
  for (const linked of await tx.list('ticket', 'problemId', problemId)) {
    for (const customerId of customersBehind(linked)) customers.delete(customerId);
  }
  for (const customerId of customers) {
    const customer = await tx.get('customer', customerId);
    const failures = customer?.failures;
    if (!customer || !failures?.some((failure) => failure.key === problemKey(problemId))) continue;
    await tx.put('customer', {
      ...customer,
      failures: failures.filter((failure) => failure.key !== problemKey(problemId)),
    });
  }
}

function problemKey(problemId: string): string {
  return `problem:${problemId}`;
}
