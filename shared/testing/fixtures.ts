import { Customer } from '../domain/customer.ts';
import { Escalation } from '../domain/escalation.ts';
import { Handover, HandoverItem } from '../domain/handover.ts';
import { ClientId, UserId } from '../domain/ids.ts';
import { Macro } from '../domain/macro.ts';
import { Member } from '../domain/member.ts';
import { Message } from '../domain/message.ts';
import { Problem } from '../domain/problem.ts';
import type { Role } from '../domain/roles.ts';
import { SavedView } from '../domain/saved-view.ts';
import { Shift } from '../domain/shift.ts';
import { Ticket } from '../domain/ticket.ts';
import type { MutationContext } from '../sync/mutator.ts';

export function ticketFixture(overrides: Partial<Ticket> = {}): Ticket {
  return Ticket.parse({
    id: 'tkt_000001',
    customerId: 'cus_acme',
    subject: 'Checkout page is down',
    body: 'Customers see a blank page.',
    status: 'new',
    priority: 'normal',
    channel: 'email',
    requesterName: 'Ana Costa',
    requesterEmail: 'ana@acme.example',
    assigneeId: null,
    tags: [],
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  });
}

export function problemFixture(overrides: Partial<Problem> = {}): Problem {
  return Problem.parse({
    id: 'prb_login',
    title: 'Login fails after the 4.12 update',
    status: 'open',
    createdAt: 900,
    createdBy: 'usr_agent',
    updatedAt: 900,
    ticketCount: 0,
    affectedCustomers: 0,
    ...overrides,
  });
}

export function customerFixture(overrides: Partial<Customer> = {}): Customer {
  return Customer.parse({
    id: 'cus_acme',
    name: 'Acme Rockets',
    domain: 'acme.example',
    tier: 'business',
    createdAt: 500,
    ...overrides,
  });
}

export function savedViewFixture(overrides: Partial<SavedView> = {}): SavedView {
  return SavedView.parse({
    id: 'viw_billing',
    name: 'Billing',
    definition: {
      filter: { statuses: ['new', 'open'], tags: ['billing'] },
      sort: [{ field: 'priority', direction: 'asc' }],
      groupBy: 'none',
    },
    ownerId: 'usr_agent',
    visibility: 'personal',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  });
}

export function macroFixture(overrides: Partial<Macro> = {}): Macro {
  return Macro.parse({
    id: 'mac_apology',
    name: 'Outage apology',
    body: 'Hi {{requester.first_name}}, sorry: we are working on it.',
    messageKind: 'reply',
    actions: { status: 'pending' },
    ownerId: 'usr_lead',
    visibility: 'shared',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  });
}

export function messageFixture(overrides: Partial<Message> = {}): Message {
  return Message.parse({
    id: 'msg_first',
    ticketId: 'tkt_000001',
    kind: 'reply',
    authorId: 'usr_agent',
    body: 'We are looking into it.',
    createdAt: 2_000,
    ...overrides,
  });
}

/** One member per role, with ids like `usr_agent`. */
export const TEAM: readonly Member[] = (
  [
    ['agent', 'Sam Rivera'],
    ['analyst', 'Priya Nair'],
    ['lead', 'Jordan Okafor'],
    ['trainee', 'Alex Kim'],
    ['admin', 'Morgan Diaz'],
  ] as const
).map(([role, name]) => Member.parse({ id: `usr_${role}`, name, email: `${role}@team.example`, role }));

export function contextFixture(role: Role = 'agent', overrides: Partial<MutationContext> = {}): MutationContext {
  return {
    actor: { id: UserId.parse(`usr_${role}`), role },
    now: 5_000,
    clientId: ClientId.parse('client-1'),
    mutationId: 1,
    ...overrides,
  };
}

/** A ready packet from the agent about the first ticket, not sent yet. */
export function escalationFixture(overrides: Partial<Escalation> = {}): Escalation {
  return Escalation.parse({
    id: 'esc_login',
    summary: 'Login fails after the 4.12 update',
    severity: 'sev2',
    stepsToReproduce: 'Update the iOS app to 4.12, sign out, sign in with SSO.',
    expected: 'The agent is signed in',
    actual: 'Error 502 after the SSO redirect',
    environment: 'iOS 17.2, app 4.12.0, EU region',
    tried: 'Cleared the app cache and reinstalled; same error',
    evidence: [{ kind: 'log', text: 'GET /sso/callback 502 upstream timeout' }],
    status: 'draft',
    createdAt: 1_000,
    createdBy: 'usr_agent',
    updatedAt: 1_000,
    ticketIds: ['tkt_000001'],
    impact: { tickets: 1, customers: 1 },
    analystId: null,
    readyAt: 1_000,
    questions: [],
    regressions: [],
    log: [{ at: 1_000, by: 'usr_agent', step: 'created' }],
    ...overrides,
  });
}

export function shiftFixture(overrides: Partial<Shift> = {}): Shift {
  return Shift.parse({
    id: 'sft_agent',
    userId: 'usr_agent',
    role: 'agent',
    startedAt: 0,
    plannedEnd: 8 * 3_600_000,
    updatedAt: 0,
    ...overrides,
  });
}

/** An open ticket item with one action, as the agent adds it during the shift. */
export function handoverItemFixture(overrides: Partial<HandoverItem> = {}): HandoverItem {
  return HandoverItem.parse({
    id: 'i1',
    subject: { kind: 'ticket', id: 'tkt_000001', label: '#1001 Checkout page is down' },
    severity: 'stable',
    summary: 'Checkout fails for EU customers since the 4.12 deploy',
    actions: [{ id: 'a1', text: 'Check the rollback at 06:00', dueAt: 4 * 3_600_000 }],
    awareness: 'Engineering is rolling back',
    contingency: 'If it is still down at 06:30, page on-call',
    addedAt: 1_000,
    addedBy: 'usr_agent',
    ...overrides,
  });
}

/** The agent's handover, still being built, with one item. */
export function handoverFixture(overrides: Partial<Handover> = {}): Handover {
  return Handover.parse({
    id: 'hov_agent',
    fromUserId: 'usr_agent',
    toUserId: null,
    status: 'building',
    items: [handoverItemFixture()],
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  });
}
