import { describe, expect, it } from 'vitest';
import type { MessageDelivery } from '#shared/domain/message';
import { formatTimestamp } from '../../ui/format.ts';
import { type DeliveryInput, deliveryLabel } from './delivery-label.ts';

const NOW = Date.UTC(2025, 2, 1, 12, 0);
const reply = (delivery?: MessageDelivery, pending = false): DeliveryInput => ({ kind: 'reply', delivery, pending });

describe('deliveryLabel', () => {
  it.each([
    ['a customer message', { kind: 'customer', pending: false }, false],
    ['a synced note, whatever email does', { kind: 'note', pending: false }, false],
    ['a synced note, email on', { kind: 'note', pending: false }, true],
    ['a reply without delivery while email is on (not queued yet, or still syncing)', reply(), true],
    ['a reply without delivery while the email status is unknown', reply(), null],
  ] as const)('%s: nothing', (_title, message, outboundOn) => {
    expect(deliveryLabel(message, outboundOn, NOW)).toBeNull();
  });

  it.each([
    ['reply', 'Saved on this device · sent to the server when online'],
    ['note', 'Saved on this device'],
  ] as const)('a %s still in the outbox is on this device, email or not', (kind, text) => {
    const delivery: MessageDelivery = { state: 'sent', at: NOW };
    expect(deliveryLabel({ kind, pending: true, delivery }, true, NOW)).toMatchObject({ state: 'device', text });
  });

  it('a reply with email off says it was not emailed, and where to fix that', () => {
    const label = deliveryLabel(reply(), false, NOW);
    expect(label).toMatchObject({ state: 'not_emailed', text: 'Not emailed (email isn’t set up)' });
    expect(label?.title).toContain('Admin → Email');
  });

  it('queued: sending; queued with a reason: retrying, in the server’s words', () => {
    expect(deliveryLabel(reply({ state: 'queued', at: NOW }), true, NOW)).toMatchObject({
      state: 'queued',
      text: 'Sending by email…',
    });
    expect(
      deliveryLabel(reply({ state: 'queued', at: NOW, reason: 'mail server busy (421)' }), true, NOW),
    ).toMatchObject({ state: 'retrying', text: 'Retrying: mail server busy (421)' });
  });

  it.each([
    [NOW - 20_000, 'Emailed just now'],
    [NOW - 5 * 60_000, 'Emailed 5m ago'],
    [NOW - 3 * 3_600_000, 'Emailed 3h ago'],
  ])('sent at %d: %s, with the exact time on hover', (at, text) => {
    expect(deliveryLabel(reply({ state: 'sent', at }), true, NOW)).toEqual({
      state: 'sent',
      text,
      title: `Emailed ${formatTimestamp(at)}`,
    });
  });

  it('a delivery recorded while email is now off still tells what happened to it', () => {
    expect(deliveryLabel(reply({ state: 'sent', at: NOW }), false, NOW)?.state).toBe('sent');
  });

  it('failed: "Not delivered" with the reason and what to do', () => {
    const label = deliveryLabel(reply({ state: 'failed', at: NOW, reason: '550 no such user' }), true, NOW);
    expect(label).toMatchObject({ state: 'failed', text: 'Not delivered: 550 no such user' });
    expect(label?.advice).toMatch(/send it again/);
    expect(deliveryLabel(reply({ state: 'failed', at: NOW }), true, NOW)?.text).toBe(
      'Not delivered: the mail server gave no reason',
    );
  });
});
