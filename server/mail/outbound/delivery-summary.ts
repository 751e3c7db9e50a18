import type { MessageDelivery } from '#shared/domain/message';
import type { OutboxState } from './mail-outbox.ts';

/** How far one copy of a reply got: its outbox row, as the summary needs it. */
export interface CopyDelivery {
  email: string;
  state: OutboxState;
  /** Why it failed, or why it is late while it is being retried. */
  error: string | null;
}

/** The most a delivery reason may hold (MessageDelivery.reason). */
export const DELIVERY_REASON_MAX = 500;
/** One recipient's error in a list of several; the first words say what happened. */
const ERROR_IN_LIST_MAX = 160;

const waiting = (copy: CopyDelivery) => copy.state === 'queued' || copy.state === 'sending';

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * `Not delivered to 2 of 11: bob@x.test Bounced: 550 …; eve@y.test …`, naming as many
 * recipients as fit in `max` characters and counting the rest ("; and 3 more").
 */
export function listRecipients(head: string, copies: readonly CopyDelivery[], max: number): string {
  let text = head;
  for (const [index, copy] of copies.entries()) {
    const separator = index === 0 ? ' ' : '; ';
    const entry = `${separator}${copy.email}${copy.error ? ` ${clip(copy.error, ERROR_IN_LIST_MAX)}` : ''}`;
    const left = copies.length - index - 1;
    const tail = left > 0 ? `; and ${left} more` : '';
    if (text.length + entry.length + tail.length <= max) {
      text += entry;
      continue;
    }
    const rest = `${index === 0 ? ' ' : '; '}and ${copies.length - index} more`;
    return clip(index === 0 ? `${head}${rest}` : `${text}${rest}`, max);
  }
  return clip(text, max);
}

/**
 * What agents see on a reply that went out as one mail per requester:
 * queued while any copy is still on its way, sent once every copy is, and
 * failed once the rest settled and any copy failed for good, with a reason
 * naming who did not get it. While copies are still on their way the reason
 * already names failures and retries, so nobody waits for the last copy to
 * learn of a bounce. A reply with a single copy reads as before merges: its
 * copy's own words. Null for a reply with no copies (nothing was queued).
 */
export function summariseDelivery(copies: readonly CopyDelivery[], at: number): MessageDelivery | null {
  const [only] = copies;
  if (!only) return null;
  if (copies.length === 1) {
    if (waiting(only))
      return only.error
        ? { state: 'queued', at, reason: clip(only.error, DELIVERY_REASON_MAX) }
        : { state: 'queued', at };
    if (only.state === 'sent') return { state: 'sent', at };
    return { state: 'failed', at, reason: clip(only.error ?? 'Not delivered.', DELIVERY_REASON_MAX) };
  }
  const total = copies.length;
  const failed = copies.filter((copy) => copy.state === 'failed');
  const pending = copies.filter(waiting);
  const notDelivered = (max: number) => listRecipients(`Not delivered to ${failed.length} of ${total}:`, failed, max);
  if (pending.length === 0) {
    return failed.length === 0
      ? { state: 'sent', at }
      : { state: 'failed', at, reason: notDelivered(DELIVERY_REASON_MAX) };
  }
  const retrying = pending.filter((copy) => copy.error !== null);
  const parts: string[] = [];
  if (failed.length > 0) parts.push(notDelivered(retrying.length > 0 ? 300 : DELIVERY_REASON_MAX));
  const room = DELIVERY_REASON_MAX - parts.reduce((length, part) => length + part.length + 1, 0);
  if (retrying.length > 0 && room >= 40) {
    parts.push(listRecipients(`Retrying ${retrying.length} of ${total}:`, retrying, room));
  }
  return parts.length === 0 ? { state: 'queued', at } : { state: 'queued', at, reason: parts.join(' ') };
}
