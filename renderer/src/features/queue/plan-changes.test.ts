import { describe, expect, it } from 'vitest';
import { toQueryRecord } from '#shared/query/query-record';
import { ticketFixture } from '#shared/testing/fixtures';
import { planChanges, predictRecord } from './plan-changes.ts';

const ME = 'usr_me';
const ticket = (id: string, more: Parameters<typeof ticketFixture>[0] = {}) =>
  toQueryRecord(ticketFixture({ id: id as never, ...more }));

describe('planChanges', () => {
  const a = ticket('tkt_a', { priority: 'low', status: 'open', assigneeId: null, tags: ['login'] });
  const b = ticket('tkt_b', { priority: 'high', status: 'new', assigneeId: ME as never, tags: [] });

  it.each([
    [
      'priority: only tickets that change, each reversible',
      { kind: 'priority', priority: 'high' },
      [{ name: 'setPriority', args: { ticketId: 'tkt_a', priority: 'high' } }],
      [{ name: 'setPriority', args: { ticketId: 'tkt_a', priority: 'low' } }],
    ],
    [
      'status: a ticket cannot go back to new, so that one has no undo',
      { kind: 'status', status: 'pending' },
      [
        { name: 'setStatus', args: { ticketId: 'tkt_a', status: 'pending', expectedStatus: 'open' } },
        { name: 'setStatus', args: { ticketId: 'tkt_b', status: 'pending', expectedStatus: 'new' } },
      ],
      [{ name: 'setStatus', args: { ticketId: 'tkt_a', status: 'open', expectedStatus: 'pending' } }, null],
    ],
    [
      'assign to me: skips what is already mine, undo releases',
      { kind: 'claim' },
      [{ name: 'claimTicket', args: { ticketId: 'tkt_a' } }],
      [{ name: 'releaseTicket', args: { ticketId: 'tkt_a' } }],
    ],
    [
      'release: only what is mine',
      { kind: 'release' },
      [{ name: 'releaseTicket', args: { ticketId: 'tkt_b' } }],
      [{ name: 'claimTicket', args: { ticketId: 'tkt_b' } }],
    ],
    [
      'add a tag: skips tickets that have it',
      { kind: 'addTag', tag: 'login' },
      [{ name: 'addTag', args: { ticketId: 'tkt_b', tag: 'login' } }],
      [{ name: 'removeTag', args: { ticketId: 'tkt_b', tag: 'login' } }],
    ],
    [
      'remove a tag: only tickets that have it',
      { kind: 'removeTag', tag: 'login' },
      [{ name: 'removeTag', args: { ticketId: 'tkt_a', tag: 'login' } }],
      [{ name: 'addTag', args: { ticketId: 'tkt_a', tag: 'login' } }],
    ],
  ] as const)('%s', (_name, command, changes, undo) => {
    const planned = planChanges([a, b], command, ME);
    expect(planned).toEqual({ changes, undo, tickets: changes.map((change) => change.args.ticketId) });
  });
});

describe('predictRecord', () => {
  const ticket = toQueryRecord(
    ticketFixture({ priority: 'low', status: 'open', assigneeId: null, tags: ['login'], updatedAt: 5 }),
  );

  it.each([
    [{ kind: 'priority', priority: 'urgent' }, { priority: 'urgent' }],
    [{ kind: 'status', status: 'pending' }, { status: 'pending' }],
    [{ kind: 'claim' }, { assigneeId: ME }],
    [{ kind: 'release' }, { assigneeId: null }],
    [{ kind: 'addTag', tag: 'vip' }, { tags: ['login', 'vip'] }],
    [{ kind: 'removeTag', tag: 'login' }, { tags: [] }],
  ] as const)('%j shows as %j at once, as a new record', (command, fields) => {
    const predicted = predictRecord(ticket, command, ME, 9);
    expect(predicted).toEqual({ ...ticket, ...fields, updatedAt: 9 });
    expect(predicted).not.toBe(ticket);
  });
});
