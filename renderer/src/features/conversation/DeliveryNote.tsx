import type { MessageDelivery } from '#shared/domain/message';
import { useNow } from '../../ui/use-now.ts';
import { deliveryLabel } from './delivery-label.ts';

interface DeliveryNoteProps {
  kind: 'reply' | 'note';
  pending: boolean;
  /** The delivery's fields one by one (plain values, so the memoized message skips unchanged ticks). */
  state?: MessageDelivery['state'] | undefined;
  at?: number | undefined;
  reason?: string | undefined;
  /** Whether the server sends replies by email; null while unknown. */
  outboundOn: boolean | null;
}

/** Where an agent's message is on its way: still on this device, or out to the customer by email. */
export function DeliveryNote({ kind, pending, state, at, reason, outboundOn }: DeliveryNoteProps) {
  // "Emailed 5m ago" ages; a minute is fine-grained enough, and only this line re-renders.
  const now = useNow(60_000);
  const delivery = state !== undefined && at !== undefined ? { state, at, ...(reason ? { reason } : {}) } : undefined;
  const label = deliveryLabel({ kind, pending, delivery }, outboundOn, now);
  if (!label) return null;
  return (
    <p
      className={`message__delivery message__delivery--${label.state}`}
      data-delivery={label.state}
      title={label.title}
      role={label.state === 'failed' ? 'note' : undefined}
    >
      {label.text}
      {label.advice && <span className="message__delivery-advice"> {label.advice}</span>}
    </p>
  );
}
