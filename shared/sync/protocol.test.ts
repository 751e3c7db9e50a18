import { describe, expect, it } from 'vitest';
import { ticketFixture } from '../testing/fixtures.ts';
import { MAX_MUTATIONS_PER_PUSH, PushRequest, parsePullResponse } from './protocol.ts';

const base = { cookie: 'wsp_demo:4', lastMutationIdChanges: { c1: 3 }, resume: null, progress: null };

describe('parsePullResponse', () => {
  it('accepts clear, put and del ops with valid rows', () => {
    const parsed = parsePullResponse({
      ...base,
      patch: [
        { op: 'clear' },
        { op: 'put', entity: 'ticket', value: ticketFixture() },
        { op: 'del', entity: 'ticket', id: 'tkt_2' },
      ],
    });
    expect(parsed.patch.map((op) => op.op)).toEqual(['clear', 'put', 'del']);
  });

  it.each([
    ['an unknown entity', { op: 'put', entity: 'invoice', value: {} }, /unknown entity "invoice"/],
    [
      'a row that breaks its schema',
      { op: 'put', entity: 'ticket', value: { ...ticketFixture(), priority: 'p0' } },
      /\(ticket\) is invalid/,
    ],
    ['a prototype key as entity', { op: 'del', entity: '__proto__', id: 'x' }, /unknown entity/],
  ])('refuses the whole response for %s', (_label, op, message) => {
    expect(() => parsePullResponse({ ...base, patch: [op] })).toThrow(message);
  });
});

describe('PushRequest', () => {
  const mutation = (id: number) => ({ id, name: 'setPriority', args: {}, createdAt: 1 });
  const request = (count: number) => ({
    protocolVersion: 1,
    clientGroupId: 'g1',
    clientId: 'c1',
    mutations: Array.from({ length: count }, (_, index) => mutation(index + 1)),
  });

  it('bounds the batch size', () => {
    expect(PushRequest.safeParse(request(MAX_MUTATIONS_PER_PUSH)).success).toBe(true);
    expect(PushRequest.safeParse(request(MAX_MUTATIONS_PER_PUSH + 1)).success).toBe(false);
  });

  it('rejects non-positive mutation ids and other protocol versions', () => {
    expect(PushRequest.safeParse({ ...request(0), mutations: [mutation(0)] }).success).toBe(false);
    expect(PushRequest.safeParse({ ...request(1), protocolVersion: 2 }).success).toBe(false);
  });
});
