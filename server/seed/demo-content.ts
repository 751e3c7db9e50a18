import type { CustomerTier } from '#shared/domain/customer';
import type { Role } from '#shared/domain/roles';
import type { TicketChannel, TicketPriority, TicketStatus } from '#shared/domain/ticket';

export const DEMO_WORKSPACE = { id: 'wsp_demo', name: 'Demo support team' } as const;

/** Demo seed only: documented in the README, never used outside the demo team. */
export const DEMO_PASSWORD = 'shiftdesk-demo';

export const DEMO_USERS: readonly { id: string; email: string; name: string; role: Role }[] = [
  { id: 'usr_agent', email: 'agent@demo.shiftdesk.test', name: 'Sam Rivera', role: 'agent' },
  // A second agent: the next shift, for handovers from one agent to another.
  { id: 'usr_agent2', email: 'agent2@demo.shiftdesk.test', name: 'Casey Lin', role: 'agent' },
  { id: 'usr_analyst', email: 'analyst@demo.shiftdesk.test', name: 'Priya Nair', role: 'analyst' },
  { id: 'usr_lead', email: 'lead@demo.shiftdesk.test', name: 'Jordan Okafor', role: 'lead' },
  { id: 'usr_trainee', email: 'trainee@demo.shiftdesk.test', name: 'Alex Kim', role: 'trainee' },
  { id: 'usr_admin', email: 'admin@demo.shiftdesk.test', name: 'Morgan Diaz', role: 'admin' },
];

export const DEMO_CUSTOMERS: readonly { slug: string; name: string; domain: string; tier: CustomerTier }[] = [
  { slug: 'brightline', name: 'Brightline Clinics', domain: 'brightline.example', tier: 'enterprise' },
  { slug: 'kestrel', name: 'Kestrel Freight', domain: 'kestrelfreight.example', tier: 'enterprise' },
  { slug: 'orbit', name: 'Orbit Payroll', domain: 'orbitpayroll.example', tier: 'business' },
  { slug: 'pinecrest', name: 'Pinecrest Credit Union', domain: 'pinecrest.example', tier: 'business' },
  { slug: 'mapleview', name: 'Mapleview Schools', domain: 'mapleview.example', tier: 'business' },
  { slug: 'quarry', name: 'Quarry Games', domain: 'quarrygames.example', tier: 'starter' },
  { slug: 'tidewater', name: 'Tidewater Energy', domain: 'tidewater.example', tier: 'enterprise' },
  { slug: 'lumen', name: 'Lumen Home Goods', domain: 'lumenhome.example', tier: 'starter' },
  { slug: 'harbor', name: 'Harbor & Finch Legal', domain: 'harborfinch.example', tier: 'business' },
  { slug: 'nimbus', name: 'Nimbus Analytics', domain: 'nimbus.example', tier: 'starter' },
];

/** Subjects with the body that usually comes with them; `{n}` and `{v}` are filled in per ticket. */
export const TICKET_TEMPLATES: readonly { subject: string; body: string; tags: string[] }[] = [
  {
    subject: 'Cannot log in after password reset',
    body: 'I reset my password an hour ago and now the login page just reloads. Cleared cookies, tried another browser. Our whole front desk is locked out.',
    tags: ['login'],
  },
  {
    subject: 'Invoice {n} charged twice',
    body: 'Our card was charged twice for invoice {n} this morning. Please refund the duplicate; finance needs this sorted before month end.',
    tags: ['billing'],
  },
  {
    subject: 'CSV export times out on large reports',
    body: 'Exporting the quarterly report to CSV spins for a few minutes and then shows "Something went wrong". Smaller date ranges work.',
    tags: ['export'],
  },
  {
    subject: 'Sync stuck at 99% since the update',
    body: 'Since updating to {v} the desktop sync never finishes. It sits at 99% and the spinner keeps going. Restarting does not help.',
    tags: ['sync', 'release'],
  },
  {
    subject: 'Mobile app crashes on launch (iOS {v})',
    body: 'The app opens to the splash screen and closes straight away. Several of our drivers are affected, all on iOS {v}.',
    tags: ['mobile', 'crash'],
  },
  {
    subject: 'SSO login returns error 403',
    body: 'Single sign-on through our identity provider started failing with a 403 around 02:00. Password login still works for admins.',
    tags: ['sso', 'login'],
  },
  {
    subject: 'Webhook deliveries delayed by hours',
    body: 'Our order webhooks are arriving 2-3 hours late. The delivery log shows them queued. This is blocking dispatch.',
    tags: ['webhooks'],
  },
  {
    subject: 'Dashboard shows yesterday’s numbers',
    body: 'The main dashboard has not refreshed since yesterday afternoon. The reports tab shows today’s data correctly.',
    tags: ['dashboard'],
  },
  {
    subject: 'How do I add another seat?',
    body: 'We hired two people this week. Where do I add seats, and will it change our next invoice?',
    tags: ['account', 'question'],
  },
  {
    subject: 'Refund request for order {n}',
    body: 'Order {n} was cancelled on our side but still charged. Could you refund it to the original card?',
    tags: ['billing', 'refund'],
  },
  {
    subject: 'API rate limit hit at {n} requests/min',
    body: 'We get 429 responses at about {n} requests per minute, well under our plan limit. Request ids are in the attached log.',
    tags: ['api'],
  },
  {
    subject: 'Password reset email never arrives',
    body: 'Three of our staff requested a reset and none got the email. Not in spam either. Is email delivery down?',
    tags: ['email', 'login'],
  },
  {
    subject: 'Email template shows raw HTML',
    body: 'Our customer template now renders the markup as text, e.g. <b>Hello</b> and <img src=x onerror="alert(1)">. It looked fine last week.',
    tags: ['email', 'templates'],
  },
  {
    subject: 'Data looks wrong after the import',
    body: 'After importing {n} records from our old system, about a third show the wrong region. Can you roll back the import?',
    tags: ['import'],
  },
  {
    subject: 'Urgent: checkout page is down',
    body: 'Customers see a blank page at checkout. We are losing orders every minute. Please call me back.',
    tags: ['outage', 'checkout'],
  },
  {
    subject: 'Feature question: scheduled reports',
    body: 'Is there a way to email the weekly summary report every Monday at 07:00 to our managers?',
    tags: ['question', 'reports'],
  },
];

export const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloe',
  'Dev',
  'Elif',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lena',
  'Mateo',
  'Nora',
  'Omar',
  'Pia',
  'Ravi',
  'Sofia',
  'Tom',
  'Yuki',
];
export const LAST_NAMES = [
  'Adams',
  'Bauer',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Novak',
  'Osei',
  'Patel',
  'Quinn',
  'Rossi',
  'Silva',
  'Tanaka',
];

export const PRIORITY_WEIGHTS: readonly (readonly [TicketPriority, number])[] = [
  ['urgent', 8],
  ['high', 22],
  ['normal', 50],
  ['low', 20],
];

export const STATUS_WEIGHTS: readonly (readonly [TicketStatus, number])[] = [
  ['new', 35],
  ['open', 33],
  ['pending', 15],
  ['on_hold', 5],
  ['solved', 12],
];

export const CHANNEL_WEIGHTS: readonly (readonly [TicketChannel, number])[] = [
  ['email', 45],
  ['chat', 20],
  ['web', 15],
  ['phone', 10],
  ['api', 5],
  ['social', 5],
];
