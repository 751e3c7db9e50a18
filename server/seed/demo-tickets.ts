import { Customer } from '#shared/domain/customer';
import { Ticket } from '#shared/domain/ticket';
import {
  CHANNEL_WEIGHTS,
  DEMO_CUSTOMERS,
  FIRST_NAMES,
  LAST_NAMES,
  PRIORITY_WEIGHTS,
  STATUS_WEIGHTS,
  TICKET_TEMPLATES,
} from './demo-content.ts';
import { SeededRandom } from '#shared/util/seeded-random';

const HOUR = 3_600_000;
const APP_VERSIONS = ['4.12.0', '4.12.1', '17.5', '18.1'];

export function demoCustomers(now: number): Customer[] {
  return DEMO_CUSTOMERS.map((c, index) =>
    Customer.parse({
      id: `cus_${c.slug}`,
      name: c.name,
      domain: c.domain,
      tier: c.tier,
      createdAt: now - (400 - index * 30) * 24 * HOUR,
    }),
  );
}

const DAY = 24 * HOUR;

type Draft = Pick<Ticket, 'customerId' | 'subject' | 'body' | 'requesterName' | 'requesterEmail' | 'tags'>;

/** The customer-facing part of a ticket: who wrote, about what. */
function draftTicket(random: SeededRandom, customerWeights: readonly (readonly [Customer, number])[]): Draft {
  const customer = random.weighted(customerWeights);
  const template = random.pick(TICKET_TEMPLATES);
  const number = String(1000 + random.int(90_000));
  const version = random.pick(APP_VERSIONS);
  const fill = (text: string) => text.replaceAll('{n}', number).replaceAll('{v}', version);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return {
    customerId: customer.id,
    subject: fill(template.subject),
    body: `${fill(template.body)}\n\n${first} ${last}\n${customer.name}`,
    requesterName: `${first} ${last}`,
    requesterEmail: `${first}.${last}@${customer.domain}`.toLowerCase(),
    tags: template.tags,
  };
}

/** Bigger customers write more. */
function weightsOf(customers: readonly Customer[]): (readonly [Customer, number])[] {
  return customers.map((c) => [c, c.tier === 'enterprise' ? 3 : c.tier === 'business' ? 2 : 1] as const);
}

function ticketId(index: number): string {
  return `tkt_${String(index + 1).padStart(6, '0')}`;
}

/**
 * A realistic shift queue: mostly recent tickets (floods are recent), a long
 * tail up to three days old, skewed towards the bigger customers.
 */
export function* demoTickets(count: number, customers: readonly Customer[], now: number): Generator<Ticket> {
  const random = new SeededRandom(4870);
  const weights = weightsOf(customers);
  for (let index = 0; index < count; index++) {
    const draft = draftTicket(random, weights);
    const ageHours = random.next() < 0.7 ? random.next() * 10 : 10 + random.next() * 62;
    const createdAt = Math.round(now - ageHours * HOUR);
    yield Ticket.parse({
      id: ticketId(index),
      ...draft,
      status: random.weighted(STATUS_WEIGHTS),
      priority: random.weighted(PRIORITY_WEIGHTS),
      channel: random.weighted(CHANNEL_WEIGHTS),
      assigneeId: null,
      createdAt,
      updatedAt: createdAt,
    });
  }
}

/**
 * The team's history: tickets solved or closed one to six months ago, older
 * than the sync window, so clients do not download them (they are opened on
 * demand). Ids continue after the shift's tickets.
 */
export function* archivedDemoTickets(
  count: number,
  firstIndex: number,
  customers: readonly Customer[],
  now: number,
): Generator<Ticket> {
  const random = new SeededRandom(2026);
  const weights = weightsOf(customers);
  for (let index = 0; index < count; index++) {
    const draft = draftTicket(random, weights);
    const createdAt = Math.round(now - (35 + random.next() * 150) * DAY);
    yield Ticket.parse({
      id: ticketId(firstIndex + index),
      ...draft,
      status: random.chance(0.7) ? 'closed' : 'solved',
      priority: random.weighted(PRIORITY_WEIGHTS),
      channel: random.weighted(CHANNEL_WEIGHTS),
      assigneeId: null,
      createdAt,
      updatedAt: createdAt + Math.round(random.next() * 3 * DAY),
    });
  }
}
