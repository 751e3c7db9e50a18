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
import { SeededRandom } from './random.ts';

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

/**
 * A realistic shift queue: mostly recent tickets (floods are recent), a long
 * tail up to three days old, skewed towards the bigger customers.
 */
export function* demoTickets(count: number, customers: readonly Customer[], now: number): Generator<Ticket> {
  const random = new SeededRandom(4870);
  const customerWeights = customers.map(
    (c) => [c, c.tier === 'enterprise' ? 3 : c.tier === 'business' ? 2 : 1] as const,
  );
  for (let index = 0; index < count; index++) {
    const customer = random.weighted(customerWeights);
    const template = random.pick(TICKET_TEMPLATES);
    const number = String(1000 + random.int(90_000));
    const version = random.pick(APP_VERSIONS);
    const fill = (text: string) => text.replaceAll('{n}', number).replaceAll('{v}', version);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const ageHours = random.next() < 0.7 ? random.next() * 10 : 10 + random.next() * 62;
    const createdAt = Math.round(now - ageHours * HOUR);
    const body = `${fill(template.body)}\n\n${first} ${last}\n${customer.name}`;
    yield Ticket.parse({
      id: `tkt_${String(index + 1).padStart(6, '0')}`,
      customerId: customer.id,
      subject: fill(template.subject),
      body,
      status: random.weighted(STATUS_WEIGHTS),
      priority: random.weighted(PRIORITY_WEIGHTS),
      channel: random.weighted(CHANNEL_WEIGHTS),
      requesterName: `${first} ${last}`,
      requesterEmail: `${first}.${last}@${customer.domain}`.toLowerCase(),
      assigneeId: null,
      tags: template.tags,
      createdAt,
      updatedAt: createdAt,
    });
  }
}
