import { memo } from 'react';
import type { MessageKind } from '#shared/domain/message';
import { formatTimestamp } from '../../ui/format.ts';
import { CustomerText, Isolated } from './content/CustomerText.tsx';
import { MarkdownContent } from './content/MarkdownContent.tsx';
import { DeliveryNote } from './DeliveryNote.tsx';
import type { DeliveryState } from './thread.ts';

export interface MessageEntryProps {
  id: string;
  kind: MessageKind;
  body: string;
  createdAt: number;
  /** For the customer: their name, if known, and address. */
  fromName?: string | undefined;
  fromEmail?: string | undefined;
  /** For an agent: "You" or the teammate's name. */
  agentName?: string | undefined;
  delivery: DeliveryState | null;
  deliveryReason?: string | undefined;
}

const KIND_LABELS: Record<MessageKind, string> = {
  customer: 'Customer message',
  reply: 'Reply',
  note: 'Internal note',
};

function CustomerAuthor({ name, email }: { name?: string | undefined; email?: string | undefined }) {
  if (!name && !email) return <>The customer</>;
  return (
    <>
      {name && <Isolated>{name}</Isolated>}
      {name && email && ' '}
      {email && (
        <span className="message__email">
          &lt;<Isolated>{email}</Isolated>&gt;
        </span>
      )}
    </>
  );
}

/**
 * One message of the conversation. Props are plain values, so a live-query
 * tick that changes nothing about this message skips it entirely (memo): the
 * Markdown of a 200-message thread is parsed when it opens, not on every sync.
 */
export const MessageEntry = memo(function MessageEntry(props: MessageEntryProps) {
  const { id, kind, body, createdAt, fromName, fromEmail, agentName, delivery, deliveryReason } = props;
  const author = kind === 'customer' ? (fromName ?? fromEmail ?? 'the customer') : (agentName ?? 'A teammate');
  return (
    <article
      className={`message message--${kind}`}
      data-message-id={id}
      data-kind={kind}
      aria-label={`${KIND_LABELS[kind]} from ${author}`}
    >
      <header className="message__header">
        <span className="message__author">
          {kind === 'customer' ? <CustomerAuthor name={fromName} email={fromEmail} /> : (agentName ?? 'A teammate')}
        </span>
        {kind === 'note' && <span className="message__note-label">Internal note — never sent to the customer</span>}
        {kind === 'reply' && <span className="message__kind-label">Reply</span>}
        <time className="message__time" dateTime={new Date(createdAt).toISOString()}>
          {formatTimestamp(createdAt)}
        </time>
      </header>
      {kind === 'customer' ? (
        <CustomerText className="message__body" text={body} />
      ) : (
        <MarkdownContent className="message__body" markdown={body} />
      )}
      {delivery !== null && kind !== 'customer' && (
        <DeliveryNote state={delivery} reason={deliveryReason} kind={kind} />
      )}
    </article>
  );
});
