import { describe, expect, it } from 'vitest';
import type { CustomerTier } from '../domain/customer.ts';
import { queryRecord } from './query-fixtures.ts';
import type { ViewFilter } from './view-definition.ts';
import { type ViewContext, dependsOnClock, matchesFilter } from './view-match.ts';

const TIERS: Record<string, CustomerTier> = { cus_acme: 'enterprise', cus_beta: 'starter' };

function context(overrides: Partial<ViewContext> = {}): ViewContext {
  return { me: 'usr_me', now: 100_000, tierOf: (id) => TIERS[id], textMatches: null, ...overrides };
}

/** [label, filter, record overrides, context overrides, matches] */
type Case = [string, Record<string, unknown>, Record<string, unknown>, Partial<ViewContext>, boolean];

const cases: Case[] = [
  ['empty filter lets everything through', {}, {}, {}, true],
  // statuses, priorities, channels, customers: any listed value
  ['status listed', { statuses: ['new', 'open'] }, { status: 'open' }, {}, true],
  ['status not listed', { statuses: ['new', 'open'] }, { status: 'pending' }, {}, false],
  ['priority listed', { priorities: ['urgent'] }, { priority: 'urgent' }, {}, true],
  ['priority not listed', { priorities: ['urgent', 'high'] }, { priority: 'low' }, {}, false],
  ['channel listed', { channels: ['chat', 'phone'] }, { channel: 'phone' }, {}, true],
  ['channel not listed', { channels: ['chat'] }, { channel: 'email' }, {}, false],
  ['customer listed', { customerIds: ['cus_beta', 'cus_acme'] }, { customerId: 'cus_acme' }, {}, true],
  ['customer not listed', { customerIds: ['cus_beta'] }, { customerId: 'cus_acme' }, {}, false],
  // assignee kinds
  ['me: mine', { assignee: { kind: 'me' } }, { assigneeId: 'usr_me' }, {}, true],
  ['me: someone else’s', { assignee: { kind: 'me' } }, { assigneeId: 'usr_other' }, {}, false],
  ['me: nobody’s', { assignee: { kind: 'me' } }, { assigneeId: null }, {}, false],
  ['me: nobody signed in, nobody’s', { assignee: { kind: 'me' } }, { assigneeId: null }, { me: null }, false],
  ['unassigned: nobody’s', { assignee: { kind: 'unassigned' } }, { assigneeId: null }, {}, true],
  ['unassigned: mine', { assignee: { kind: 'unassigned' } }, { assigneeId: 'usr_me' }, {}, false],
  ['meOrUnassigned: mine', { assignee: { kind: 'meOrUnassigned' } }, { assigneeId: 'usr_me' }, {}, true],
  ['meOrUnassigned: nobody’s', { assignee: { kind: 'meOrUnassigned' } }, { assigneeId: null }, {}, true],
  ['meOrUnassigned: someone else’s', { assignee: { kind: 'meOrUnassigned' } }, { assigneeId: 'usr_x' }, {}, false],
  [
    'meOrUnassigned: signed out',
    { assignee: { kind: 'meOrUnassigned' } },
    { assigneeId: 'usr_x' },
    { me: null },
    false,
  ],
  ['assigned: someone’s', { assignee: { kind: 'assigned' } }, { assigneeId: 'usr_x' }, {}, true],
  ['assigned: nobody’s', { assignee: { kind: 'assigned' } }, { assigneeId: null }, {}, false],
  ['users: listed', { assignee: { kind: 'users', ids: ['usr_a', 'usr_b'] } }, { assigneeId: 'usr_b' }, {}, true],
  ['users: not listed', { assignee: { kind: 'users', ids: ['usr_a'] } }, { assigneeId: 'usr_me' }, {}, false],
  ['users: nobody’s', { assignee: { kind: 'users', ids: ['usr_a'] } }, { assigneeId: null }, {}, false],
  // tiers come from the context
  ['tier listed', { customerTiers: ['enterprise'] }, { customerId: 'cus_acme' }, {}, true],
  ['tier not listed', { customerTiers: ['business', 'starter'] }, { customerId: 'cus_acme' }, {}, false],
  ['tier unknown', { customerTiers: ['enterprise', 'business', 'starter'] }, { customerId: 'cus_new' }, {}, false],
  [
    'tier from the context',
    { customerTiers: ['business'] },
    { customerId: 'cus_acme' },
    { tierOf: () => 'business' },
    true,
  ],
  // tags: any of
  ['tags: one of them', { tags: ['login', 'billing'] }, { tags: ['sso', 'billing'] }, {}, true],
  ['tags: none of them', { tags: ['login'] }, { tags: ['billing'] }, {}, false],
  ['tags: untagged', { tags: ['login'] }, { tags: [] }, {}, false],
  // ages against now (100 000)
  ['older than: older', { olderThanMs: 1_000 }, { createdAt: 98_000 }, {}, true],
  ['older than: exactly that old', { olderThanMs: 1_000 }, { createdAt: 99_000 }, {}, true],
  ['older than: younger', { olderThanMs: 1_000 }, { createdAt: 99_001 }, {}, false],
  ['newer than: younger', { newerThanMs: 1_000 }, { createdAt: 99_500 }, {}, true],
  ['newer than: exactly that old', { newerThanMs: 1_000 }, { createdAt: 99_000 }, {}, true],
  ['newer than: older', { newerThanMs: 1_000 }, { createdAt: 98_999 }, {}, false],
  ['ages move with the clock', { olderThanMs: 1_000 }, { createdAt: 99_500 }, { now: 100_500 }, true],
  ['age window', { olderThanMs: 1_000, newerThanMs: 5_000 }, { createdAt: 97_000 }, {}, true],
  ['age window: too old', { olderThanMs: 1_000, newerThanMs: 5_000 }, { createdAt: 90_000 }, {}, false],
  // SLA due within (now 100 000): breached, due inside the window, outside it, no clock
  ['sla due: breached', { slaDueWithinMs: 1_000 }, { slaDueAt: 40_000 }, {}, true],
  ['sla due: due now', { slaDueWithinMs: 1_000 }, { slaDueAt: 100_000 }, {}, true],
  ['sla due: at the edge of the window', { slaDueWithinMs: 1_000 }, { slaDueAt: 101_000 }, {}, true],
  ['sla due: past the window', { slaDueWithinMs: 1_000 }, { slaDueAt: 101_001 }, {}, false],
  ['sla due: no running clock', { slaDueWithinMs: 1_000 }, { slaDueAt: null }, {}, false],
  ['sla due: comes closer with the clock', { slaDueWithinMs: 1_000 }, { slaDueAt: 101_500 }, { now: 100_500 }, true],
  // text is answered by search
  ['text: a search match', { text: 'refund' }, { id: 'tkt_1' }, { textMatches: new Set(['tkt_1']) }, true],
  ['text: not a match', { text: 'refund' }, { id: 'tkt_1' }, { textMatches: new Set(['tkt_2']) }, false],
  ['text: results not in yet', { text: 'refund' }, { id: 'tkt_1' }, { textMatches: null }, false],
  ['no text: matches ignored', {}, { id: 'tkt_1' }, { textMatches: new Set(['tkt_2']) }, true],
  // every criterion present must hold
  ['all hold', { statuses: ['new'], priorities: ['high'], tags: ['a'] }, { priority: 'high', tags: ['a'] }, {}, true],
  ['one fails', { statuses: ['new'], priorities: ['high'], tags: ['a'] }, { priority: 'high', tags: ['b'] }, {}, false],
];

describe('matchesFilter', () => {
  it.each(cases)('%s', (_label, filter, record, contextOverrides, expected) => {
    expect(matchesFilter(queryRecord(record), filter as ViewFilter, context(contextOverrides))).toBe(expected);
  });
});

describe('dependsOnClock', () => {
  it.each([
    [{}, false],
    [{ statuses: ['new'], text: 'x' }, false],
    [{ olderThanMs: 1 }, true],
    [{ newerThanMs: 1 }, true],
    [{ slaDueWithinMs: 1 }, true],
  ])('%o → %s', (filter, expected) => {
    expect(dependsOnClock(filter as ViewFilter)).toBe(expected);
  });
});
