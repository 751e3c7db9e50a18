import type { MessageDelivery, MessageKind } from '#shared/domain/message';
import { formatSince, formatTimestamp } from '../../ui/format.ts';

/** `[data-delivery]` values: where an agent's message is on its way. */
export type DeliveryState = 'device' | 'not_emailed' | 'queued' | 'retrying' | 'sent' | 'failed';

export interface DeliveryLabel {
  state: DeliveryState;
  /** The line itself: the state is always said in words, never by colour alone. */
  text: string;
  /** More on hover: the exact time, or what the state means. */
  title?: string;
  /** What to do about it, shown after the line (a failed delivery only). */
  advice?: string;
}

export interface DeliveryInput {
  kind: MessageKind;
  delivery?: MessageDelivery | undefined;
  /** Still in this device's outbox: the server has not confirmed it yet. */
  pending: boolean;
}

/**
 * What the thread says under an agent's message. A message still on this
 * device says so; a synced note goes nowhere further; a public reply follows
 * its email delivery. A reply without one is "not emailed" only when the
 * server said outbound email is off (`outboundOn === false`): with email on,
 * or unknown, the server may simply not have queued it yet, so it says nothing.
 */
export function deliveryLabel(message: DeliveryInput, outboundOn: boolean | null, now: number): DeliveryLabel | null {
  if (message.kind === 'customer') return null;
  if (message.pending) {
    return {
      state: 'device',
      text: message.kind === 'reply' ? 'Saved on this device · sent to the server when online' : 'Saved on this device',
      title: 'It is in this device’s outbox and goes to the server as soon as it is reachable.',
    };
  }
  if (message.kind === 'note') return null;
  const delivery = message.delivery;
  if (!delivery) {
    if (outboundOn !== false) return null;
    return {
      state: 'not_emailed',
      text: 'Not emailed (email isn’t set up)',
      title: 'The reply is saved on the ticket. An admin can connect the team mailbox in Admin → Email.',
    };
  }
  const exact = formatTimestamp(delivery.at);
  switch (delivery.state) {
    case 'queued':
      return delivery.reason
        ? { state: 'retrying', text: `Retrying: ${delivery.reason}`, title: `Last try ${exact}` }
        : { state: 'queued', text: 'Sending by email…', title: `Queued ${exact}` };
    case 'sent':
      return { state: 'sent', text: `Emailed ${formatSince(delivery.at, now)}`, title: `Emailed ${exact}` };
    case 'failed':
      return {
        state: 'failed',
        text: `Not delivered: ${delivery.reason ?? 'the mail server gave no reason'}`,
        title: `Given up ${exact}`,
        advice: 'Check the customer’s address, then send it again as a new reply.',
      };
  }
}
