import { describe, expect, it } from 'vitest';
import { ClientGroupId, ClientId, CustomerId, TicketEventId, TicketId, derivedId } from './ids.ts';

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

describe('ids derived from mutations', () => {
  it('stay valid for the longest client id and the largest mutation id the protocol accepts', () => {
    const longest = ClientId.parse('c'.repeat(40));
    const id = derivedId('evt_', longest, Number.MAX_SAFE_INTEGER);
    expect(TicketEventId.safeParse(id).success).toBe(true);
  });

  it('rejects client ids that would make derived ids too long', () => {
    expect(ClientId.safeParse('c'.repeat(41)).success).toBe(false);
    expect(ClientGroupId.safeParse('g'.repeat(41)).success).toBe(false);
  });

  it('differ for different mutations of one client and for one mutation of different clients', () => {
    const a = ClientId.parse('client-a');
    const b = ClientId.parse('client-b');
    expect(new Set([derivedId('evt_', a, 1), derivedId('evt_', a, 2), derivedId('evt_', b, 1)]).size).toBe(3);
  });
});
