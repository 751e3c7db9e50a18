import type { DeliveryState } from './thread.ts';

interface DeliveryNoteProps {
  state: DeliveryState;
  /** Why a delivery failed (set by the email channel). */
  reason?: string | undefined;
  kind: 'reply' | 'note';
}

const EMAIL_NOT_SET_UP = 'Email is not set up yet, so it is not emailed to the customer.';

/** Where an agent's message is on its way: still on this device, with the server, or out to the customer. */
export function DeliveryNote({ state, reason, kind }: DeliveryNoteProps) {
  switch (state) {
    case 'device':
      return (
        <p
          className="message__delivery message__delivery--device"
          data-delivery="device"
          title="It is in this device’s outbox and goes to the server as soon as it is reachable."
        >
          Saved on this device{kind === 'reply' ? ' · sent to the server when online' : ''}
        </p>
      );
    case 'server':
      return (
        <p className="message__delivery" data-delivery="server" title={EMAIL_NOT_SET_UP}>
          Accepted by the server <span className="message__delivery-detail">· {EMAIL_NOT_SET_UP}</span>
        </p>
      );
    case 'queued':
      return (
        <p className="message__delivery" data-delivery="queued">
          Queued for email
        </p>
      );
    case 'sent':
      return (
        <p className="message__delivery" data-delivery="sent">
          Emailed to the customer
        </p>
      );
    case 'failed':
      return (
        <p className="message__delivery message__delivery--failed" data-delivery="failed" role="note">
          Not delivered: {reason ?? 'the email channel gave no reason'}. Check the customer’s address, then send it
          again as a new reply.
        </p>
      );
  }
}
