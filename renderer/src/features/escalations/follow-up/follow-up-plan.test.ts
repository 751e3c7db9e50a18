import { describe, expect, it } from 'vitest';
import { followUpBody, followUpChanges, followUpTargets } from './follow-up-plan.ts';

type T = Parameters<typeof followUpTargets>[0][number];
const t = (id: string, overrides: Partial<T> = {}): T =>
  ({ id, status: 'open', customerId: `cus_${id}`, ...overrides }) as T;

describe('followUpTargets', () => {
  it.each<[string, T[], { ticketIds: string[]; customers: number; closed: number }]>([
    ['none', [], { ticketIds: [], customers: 0, closed: 0 }],
    ['two tickets', [t('a'), t('b')], { ticketIds: ['a', 'b'], customers: 2, closed: 0 }],
    ['the same ticket twice', [t('a'), t('a')], { ticketIds: ['a'], customers: 1, closed: 0 }],
    [
      'a merged duplicate is reached through its kept ticket',
      [
        t('dup', { status: 'closed', mergedInto: { ticketId: 'a' } as never }),
        t('a', { merged: [{ customerId: 'cus_dup' }] as never }),
      ],
      { ticketIds: ['a'], customers: 2, closed: 0 },
    ],
    [
      'a closed ticket is left out',
      [t('a', { status: 'closed' }), t('b')],
      { ticketIds: ['b'], customers: 1, closed: 1 },
    ],
    [
      'one customer, two tickets',
      [t('a', { customerId: 'cus_x' as never }), t('b', { customerId: 'cus_x' as never })],
      { ticketIds: ['a', 'b'], customers: 1, closed: 0 },
    ],
  ])('%s', (_title, tickets, expected) => {
    expect(followUpTargets(tickets)).toEqual(expected);
  });
});

describe('followUpBody', () => {
  it.each([
    ['fixed', /it is fixed\.\n\nFixed in 4\.12\.1/],
    ['wont_fix', /will not be changed for now\.\n\nFixed in 4\.12\.1/],
  ] as const)('%s quotes the note and keeps the name per recipient', (outcome, pattern) => {
    const body = followUpBody({ outcome, note: ' Fixed in 4.12.1 ' });
    expect(body).toMatch(pattern);
    expect(body.startsWith('Hi {{requester.first_name}},')).toBe(true);
  });
});

describe('followUpChanges', () => {
  it('replies then sets the status, ticket by ticket', () => {
    let n = 0;
    const changes = followUpChanges(['a', 'b'], 'Hello', 'pending', () => `msg_${++n}`);
    expect(changes).toEqual([
      { name: 'addMessage', args: { messageId: 'msg_1', ticketId: 'a', kind: 'reply', body: 'Hello' } },
      { name: 'setStatus', args: { ticketId: 'a', status: 'pending' } },
      { name: 'addMessage', args: { messageId: 'msg_2', ticketId: 'b', kind: 'reply', body: 'Hello' } },
      { name: 'setStatus', args: { ticketId: 'b', status: 'pending' } },
    ]);
  });
});
