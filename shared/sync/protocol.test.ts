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
    [
      'an unknown entity (a newer server)',
      { op: 'put', entity: 'invoice', value: { id: 'inv_1' } },
      'invoice',
      'inv_1',
      /unknown record type "invoice"/,
    ],
    [
      'a row that breaks its schema',
      {
        op: 'put',
        entity: 'ticket',
        value: { ...ticketFixture({ id: 'tkt_bad' as never }), requesterEmail: '<script>' },
      },
      'ticket',
      'tkt_bad',
      /requesterEmail/,
    ],
    ['a prototype key as entity', { op: 'del', entity: '__proto__', id: 'x' }, '__proto__', 'x', /unknown record type/],
  ])('sets aside %s and keeps every other row', (_label, op, entity, id, problem) => {
    const good = ticketFixture({ id: 'tkt_good' as never });
    const parsed = parsePullResponse({ ...base, patch: [op, { op: 'put', entity: 'ticket', value: good }] });
    expect(parsed.patch).toEqual([{ op: 'put', entity: 'ticket', value: good }]);
    expect(parsed.setAside).toEqual([expect.objectContaining({ entity, id, problem: expect.stringMatching(problem) })]);
  });

  it('refuses a response whose envelope is broken', () => {
    expect(() => parsePullResponse({ ...base, cookie: '' })).toThrow();
    expect(() => parsePullResponse({ ...base, patch: [{ op: 'drop' }] })).toThrow();
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

  it('accepts a mutation without args (the server rejects that one mutation, not the push)', () => {
    const { args: _args, ...withoutArgs } = mutation(1);
    expect(PushRequest.safeParse({ ...request(0), mutations: [withoutArgs] }).success).toBe(true);
  });

  it('rejects non-positive mutation ids and other protocol versions', () => {
    expect(PushRequest.safeParse({ ...request(0), mutations: [mutation(0)] }).success).toBe(false);
    expect(PushRequest.safeParse({ ...request(1), protocolVersion: 2 }).success).toBe(false);
  });
});
