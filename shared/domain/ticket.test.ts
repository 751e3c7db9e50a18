import { describe, expect, it } from 'vitest';
import { ticketFixture } from '../testing/fixtures.ts';
import { ACTIVE_STATUSES, Ticket, TicketTag, compareQueueOrder, normalizeTag, priorityRank } from './ticket.ts';

describe('queue order', () => {
  it.each([
    // [a, b, expected sign]: urgent first, then oldest first, then id.
    [{ priority: 'urgent' }, { priority: 'high' }, -1],
    [{ priority: 'low' }, { priority: 'normal' }, 1],
    [{ createdAt: 100 }, { createdAt: 200 }, -1],
    [{ priority: 'high', createdAt: 900 }, { priority: 'normal', createdAt: 1 }, -1],
    [{ id: 'tkt_a' }, { id: 'tkt_b' }, -1],
    [{}, {}, 0],
  ] as const)('%o vs %o → %i', (a, b, sign) => {
    const result = compareQueueOrder(ticketFixture(a as Partial<Ticket>), ticketFixture(b as Partial<Ticket>));
    expect(Math.sign(result)).toBe(sign);
  });

  it('ranks priorities from most to least urgent', () => {
    expect(['low', 'urgent', 'normal', 'high'].map((p) => priorityRank(p as Ticket['priority']))).toEqual([3, 0, 2, 1]);
  });

  it('leaves solved and closed tickets out of the active queue', () => {
    expect([...ACTIVE_STATUSES].sort()).toEqual(['new', 'on_hold', 'open', 'pending']);
  });
});

describe('Ticket schema', () => {
  it('accepts customer text with markup as plain data', () => {
    const ticket = ticketFixture({ subject: '<img src=x onerror=alert(1)>' });
    expect(ticket.subject).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['empty subject', { subject: '' }],
    ['unknown priority', { priority: 'critical' }],
    ['bad email', { requesterEmail: 'not-an-email' }],
    ['negative time', { createdAt: -1 }],
  ])('rejects %s', (_label, override) => {
    expect(Ticket.safeParse({ ...ticketFixture(), ...override }).success).toBe(false);
  });
});

describe('tags', () => {
  it.each([
    ['  Release 4.12 ', 'release-4.12', true],
    ['login', 'login', true],
    ['Ünïcode', 'ünïcode', true],
    ['<b>', '<b>', false],
    ['   ', '', false],
    ['x'.repeat(61), 'x'.repeat(61), false],
  ])('"%s" → "%s" (valid: %s)', (raw, normalized, valid) => {
    expect(normalizeTag(raw)).toBe(normalized);
    expect(TicketTag.safeParse(normalizeTag(raw)).success).toBe(valid);
  });
});
