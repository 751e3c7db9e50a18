import { describe, expect, it } from 'vitest';
import { ClientId, CustomerId, TicketId } from './ids.ts';

describe('branded ids', () => {
  it.each([
    ['tkt_000001', true],
    ['tkt_a-B_9', true],
    ['tkt_', false],
    ['cus_000001', false],
    ['tkt_../etc', false],
    ['tkt_<script>', false],
    [`tkt_${'x'.repeat(81)}`, false],
  ])('TicketId %s → valid=%s', (value, valid) => {
    expect(TicketId.safeParse(value).success).toBe(valid);
  });

  it('keeps prefixes apart: a ticket id is not a customer id', () => {
    expect(CustomerId.safeParse('tkt_000001').success).toBe(false);
    expect(CustomerId.safeParse('cus_acme').success).toBe(true);
  });

  it.each([
    ['0b8a3f1e-6a8f-4c44-9f0e-1f7c6a2b9d11', true],
    ['has space', false],
    ['', false],
  ])('ClientId %s → valid=%s', (value, valid) => {
    expect(ClientId.safeParse(value).success).toBe(valid);
  });
});
