/**
 * Synthetic tickets shaped like a support queue, for the search benchmark:
 * subjects built from components and symptoms, bodies of a few sentences with
 * order numbers, versions and error codes, a long tail of rare words (product
 * codes, typos, internal names), 120×120 requester names and 2,000 customers.
 * Seeded: the same corpus on every machine.
 */
import type { Customer } from '#shared/domain/customer';
import { CustomerId, TicketId } from '#shared/domain/ids';
import type { Ticket } from '#shared/domain/ticket';
import { SeededRandom } from '#shared/util/seeded-random';

const FIRST_NAMES = `Ana Liam Noah Olivia Emma Ava Sophia Isabella Mia Amelia Harper Evelyn Abigail Emily Ella Elizabeth
  Camila Luna Sofia Avery Mila Aria Scarlett Penelope Layla Chloe Victoria Madison Eleanor Grace Nora Riley Zoey Hannah
  Hazel Lily Ellie Violet Lillian Zoe Stella Aurora Natalie Emilia Everly Leah Aubrey Willow Addison Lucy Audrey Bella
  Nova Brooklyn Paisley Savannah Claire Skylar Isla Genesis Naomi Elena Caroline Eliana Anna Maya Valentina Ruby
  Kennedy Ivy Ariana Aaliyah Cora Madelyn Alice Kinsley Hailey Gabriella Allison Gianna Serenity Samantha Sarah
  Quinn Eva Piper Sophie Sadie Delilah Josephine Nevaeh Adeline Arya Emery Lydia Clara Vivian Madeline Peyton Julia
  Rylee Brielle Reagan Natalia Jade Athena Maria Leilani Everleigh Liliana Melanie Mackenzie Hadley Raelynn Kaylee
  Rose Arianna Isabelle Melody Eliza Lyla Katherine`.split(/\s+/);
const LAST_NAMES =
  `Costa Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
  Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
  Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell
  Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook
  Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks
  Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez
  Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero
  Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson`.split(
    /\s+/,
  );
const COMPANY_HEADS =
  `Brightline Kestrel Orbit Pinecrest Mapleview Quarry Tidewater Lumen Harbor Nimbus Summit Cobalt Juniper
  Redwood Silverline Granite Bluewater Northwind Evergreen Ironbridge Clearwater Starling Falcon Meridian Atlas Beacon
  Cedar Crescent Driftwood Ember Fjord Glacier Horizon Indigo Jasper Keystone Lakeside Magnolia Oakridge Pioneer
  Quantum Riverside Sapphire Thistle Union Vantage Westfield Yellowstone Zephyr Aspen Birchwood Copperfield Dunmore
  Elmstead Foxglove Greystone Hollow Ivory`.split(/\s+/);
const COMPANY_TAILS =
  `Clinics Freight Payroll Credit Union Schools Games Energy Home Goods Legal Analytics Logistics Dental
  Insurance Bakery Motors Realty Labs Outfitters Pharmacy Studios Airlines Foods Hotels Media Robotics Capital Farms
  Builders Consulting Wellness Fitness Marine Solar Textiles Printing Partners Holdings Systems Networks`.split(/\s+/);
const COMPONENTS = [
  'Login',
  'Password reset',
  'SSO',
  'Checkout',
  'Invoice',
  'CSV export',
  'Mobile app',
  'Desktop sync',
  'Calendar integration',
  'Webhook',
  'API token',
  'Dashboard',
  'Report builder',
  'Email notifications',
  'Two-factor authentication',
  'Billing page',
  'Payroll run',
  'Shipping labels',
  'Search',
  'User import',
  'Permissions',
  'Audit log',
  'Attachment upload',
  'Printer setup',
  'Barcode scanner',
  'Time tracking',
  'Appointment reminders',
  'Refund',
  'Subscription renewal',
  'Data migration',
];
const SYMPTOMS = [
  'fails after update',
  'is very slow',
  'shows error {code}',
  'not working since {version}',
  'times out',
  'returns 500',
  'is missing data',
  'crashes on launch',
  'stuck at 99%',
  'charged twice',
  'cannot be opened',
  'keeps logging me out',
  'shows the wrong totals',
  'sends duplicate emails',
  'is blank',
  'rejects valid input',
  'needs to be cancelled',
  'question',
  'broken for new users',
  'does not load',
];
const QUALIFIERS = [
  '',
  '',
  '',
  ' for all users',
  ' on iOS',
  ' in Safari',
  ' since this morning',
  ' (urgent)',
  ' again',
];
const SENTENCES = [
  'Since updating to {version} the {component} {symptom}.',
  'We tried clearing the cache and cookies and it still happens.',
  'Order {number} is affected, and probably others.',
  'Our whole front desk is blocked until this is fixed.',
  'The error message says "{code}: request failed" and nothing else.',
  'It worked fine yesterday afternoon.',
  'I attached a screenshot of the {component} page.',
  'Several colleagues see the same problem in {browser}.',
  'Please refund the duplicate charge on invoice {number}.',
  'Finance needs this sorted before month end.',
  'Restarting the app does not help.',
  'Could you tell me when a fix is expected?',
  'We are on the {tier} plan, if that matters.',
  'This started on {weekday} around 9am.',
  'Our IT team checked the firewall and nothing changed on our side.',
  'The spinner keeps going and then the page reloads.',
  'Is there a workaround we can use in the meantime?',
  'The {component} was working before the maintenance window.',
  'Customers are complaining and we are losing sales.',
  'I already reset my password twice.',
  'The export contains only the first {small} rows.',
  'Reference {pseudo} from the previous ticket.',
  'The device is a {pseudo} running {version}.',
  'Thanks for the quick help last time.',
  'Our account manager suggested we open a ticket.',
  'We need an answer before the audit next week.',
  'The webhook delivery log shows {code} for every attempt.',
  'Two-factor codes arrive late or not at all.',
  'Can you escalate this to engineering?',
  'Happy to jump on a call if that is easier.',
];
const BROWSERS = ['Chrome', 'Firefox', 'Safari', 'Edge'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIERS = ['enterprise', 'business', 'starter'];
const VERSIONS = ['4.12.0', '4.12.1', '4.13.0', '17.5', '18.1'];
const CODES = ['403', '404', '500', '502', 'E1021', 'ERR_TIMEOUT', 'AUTH_EXPIRED', 'SYNC_CONFLICT'];
const SYLLABLES = `ka ro mi tel van dor sen qui lux par mon zet bri ax ol un fer gal hop ix jun kre lem nor pix`.split(
  ' ',
);

export interface Corpus {
  tickets: Ticket[];
  customers: Map<string, Customer>;
}

export function generateCorpus(count: number, seed = 42): Corpus {
  const random = new SeededRandom(seed);
  // A long tail of rare words (product codes, misspellings, internal names), as real bodies have.
  const pseudoWords = Array.from({ length: 30_000 }, () => {
    let word = '';
    for (let i = 2 + random.int(3); i > 0; i--) word += random.pick(SYLLABLES);
    return random.chance(0.3) ? `${word}${random.int(1000)}` : word;
  });
  const customers = new Map<string, Customer>();
  for (let i = 0; i < 2_000; i++) {
    const head = random.pick(COMPANY_HEADS);
    const name = `${head} ${random.pick(COMPANY_TAILS)}${i >= COMPANY_HEADS.length ? ` ${random.pick(pseudoWords)}` : ''}`;
    const id = CustomerId.parse(`cus_${i}`);
    customers.set(id, { id, name, domain: `${head.toLowerCase()}${i}.example`, tier: 'business', createdAt: 0 });
  }
  const customerIds = [...customers.keys()];
  const tickets: Corpus['tickets'] = [];
  for (let index = 0; index < count; index++) {
    const component = random.pick(COMPONENTS);
    const fill = (template: string) =>
      template
        .replaceAll('{component}', component.toLowerCase())
        .replaceAll('{symptom}', random.pick(SYMPTOMS).replace('{code}', random.pick(CODES)))
        .replaceAll('{version}', random.pick(VERSIONS))
        .replaceAll('{code}', random.pick(CODES))
        .replaceAll('{number}', String(10_000 + random.int(900_000)))
        .replaceAll('{small}', String(100 + random.int(900)))
        .replaceAll('{browser}', random.pick(BROWSERS))
        .replaceAll('{weekday}', random.pick(WEEKDAYS))
        .replaceAll('{tier}', random.pick(TIERS))
        .replaceAll('{pseudo}', random.pick(pseudoWords));
    const customer = customers.get(random.pick(customerIds));
    if (!customer) throw new Error('unreachable');
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const sentences = Array.from({ length: 2 + random.int(5) }, () => fill(random.pick(SENTENCES)));
    tickets.push({
      id: TicketId.parse(`tkt_${String(index + 1).padStart(7, '0')}`),
      customerId: customer.id,
      subject: fill(`${component} ${random.pick(SYMPTOMS)}${random.pick(QUALIFIERS)}`),
      body: `Hi team,\n\n${sentences.join(' ')}\n\n${first} ${last}\n${customer.name}`,
      requesterName: `${first} ${last}`,
      requesterEmail: `${first}.${last}@${customer.domain}`.toLowerCase(),
      status: 'open',
      priority: 'normal',
      channel: 'email',
      assigneeId: null,
      tags: [],
      createdAt: index,
      updatedAt: index,
    });
  }
  return { tickets, customers };
}
