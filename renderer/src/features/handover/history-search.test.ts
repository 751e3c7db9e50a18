import { describe, expect, it } from 'vitest';
import type { Handover, HandoverItem } from '#shared/domain/handover';
import { handoverSearchText, matchesHandoverSearch, searchTerms } from './history-search.ts';

const item = (changes: Record<string, unknown>): HandoverItem =>
  ({
    id: 'i1',
    subject: { kind: 'ticket', id: 'tkt_1', label: '#1042 Checkout is down' },
    severity: 'watch',
    summary: 'EU cards declined',
    actions: [{ id: 'a1', text: 'Call the payment provider' }],
    awareness: 'Status page amber',
    contingency: 'If US cards fail then page on-call',
    addedAt: 1,
    addedBy: 'usr_a',
    ...changes,
  }) as HandoverItem;

const handover = {
  id: 'hov_1',
  fromUserId: 'usr_a',
  toUserId: 'usr_b',
  status: 'complete',
  items: [
    item({}),
    item({
      id: 'i2',
      subject: { kind: 'customer', id: 'cus_1', label: 'Customer: Zoë Café' },
      summary: 'Refund promised',
      acknowledged: { by: 'usr_b', at: 2, readBack: 'I will confirm the refund by noon' },
    }),
  ],
  createdAt: 1,
  updatedAt: 2,
} as Handover;

const names: Record<string, string> = { usr_a: 'Sam Rivera', usr_b: 'Riley Chen' };
const text = handoverSearchText(handover, (id) => names[id] ?? id);
const finds = (query: string) => matchesHandoverSearch(text, searchTerms(query));

describe('handover history search', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['checkout', true],
    ['#1042', true],
    ['eu cards', true],
    ['cards eu', true],
    ['riley', true],
    ['sam rivera', true],
    ['payment provider', true],
    ['amber', true],
    ['page on-call', true],
    ['confirm the refund by noon', true],
    ['zoe cafe', true],
    ['ZOË', true],
    ['checkout refund', true],
    ['checkout invoice', false],
    ['jordan', false],
  ])('%j → %s', (query, found) => {
    expect(finds(query)).toBe(found);
  });
});
