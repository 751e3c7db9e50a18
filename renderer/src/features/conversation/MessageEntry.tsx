import { memo } from 'react';
import type { MessageAttachment, MessageDelivery, MessageKind } from '#shared/domain/message';
import { formatTimestamp } from '../../ui/format.ts';
import { AttachmentList } from './attachments/AttachmentList.tsx';
import { CustomerText, Isolated } from './content/CustomerText.tsx';
import { MarkdownContent } from './content/MarkdownContent.tsx';
import { DeliveryNote } from './DeliveryNote.tsx';

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
  /** Still in this device's outbox. */
  pending: boolean;
  deliveryState?: MessageDelivery['state'] | undefined;
  deliveryAt?: number | undefined;
  deliveryReason?: string | undefined;
  /** Whether the server sends replies by email; null while unknown. */
  outboundOn: boolean | null;
  attachments?: readonly MessageAttachment[] | undefined;
  /** Why a machine wrote this customer message. */
  automatic?: string | undefined;
  /** "#1042": written on a ticket since merged into this one. */
  mergedFrom?: string | undefined;
  /** How many requesters a reply went to, when more than one (a merged ticket's). */
  recipientCount?: number | undefined;
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

function sameAttachments(a: MessageEntryProps['attachments'], b: MessageEntryProps['attachments']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((one, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      one.id === other.id &&
      one.filename === other.filename &&
      one.size === other.size &&
      one.stored === other.stored
    );
  });
}

/** Plain values compare as they are; the attachment list is a fresh array on every read, so it compares by content. */
function sameProps(previous: MessageEntryProps, next: MessageEntryProps): boolean {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]) as Set<keyof MessageEntryProps>;
  for (const key of keys) {
    if (key === 'attachments') {
      if (!sameAttachments(previous.attachments, next.attachments)) return false;
    } else if (!Object.is(previous[key], next[key])) {
      return false;
    }
  }
  return true;
}

/**
 * One message of the conversation. Props are plain values, so a live-query
 * tick that changes nothing about this message skips it entirely (memo): the
 * Markdown of a 200-message thread is parsed when it opens, not on every sync.
 */
export const MessageEntry = memo(function MessageEntry(props: MessageEntryProps) {
  const { id, kind, body, createdAt, fromName, fromEmail, agentName, automatic, attachments } = props;
  const author = kind === 'customer' ? (fromName ?? fromEmail ?? 'the customer') : (agentName ?? 'A teammate');
  const isAutomatic = kind === 'customer' && automatic !== undefined;
  return (
    <article
      className={`message message--${kind}${isAutomatic ? ' message--automatic' : ''}`}
      data-message-id={id}
      data-kind={kind}
      data-automatic={isAutomatic ? true : undefined}
      aria-label={`${isAutomatic ? 'Automatic reply' : KIND_LABELS[kind]} from ${author}`}
    >
      <header className="message__header">
        <span className="message__author">
          {kind === 'customer' ? <CustomerAuthor name={fromName} email={fromEmail} /> : (agentName ?? 'A teammate')}
        </span>
        {kind === 'note' && <span className="message__note-label">Internal note — never sent to the customer</span>}
        {kind === 'reply' && <span className="message__kind-label">Reply</span>}
        {isAutomatic && (
          <span className="message__automatic-label" title={automatic} data-testid="automatic-label">
            Automatic reply — did not reopen the ticket
            {/* The reason is the server's, but a title is not read by every screen reader: say it too. */}
            <span className="visually-hidden"> ({automatic})</span>
          </span>
        )}
        {props.mergedFrom && (
          <span className="message__merged-label" data-testid="merged-from">
            from {props.mergedFrom} (merged)
          </span>
        )}
        {kind === 'reply' && props.recipientCount !== undefined && props.recipientCount > 1 && (
          <span className="message__recipients" data-testid="reply-recipients">
            to {props.recipientCount} requesters, each in their own thread
          </span>
        )}
        <time className="message__time" dateTime={new Date(createdAt).toISOString()}>
          {formatTimestamp(createdAt)}
        </time>
      </header>
      {kind === 'customer' ? (
        <CustomerText className="message__body" text={body} />
      ) : (
        <MarkdownContent className="message__body" markdown={body} />
      )}
      {attachments && attachments.length > 0 && <AttachmentList attachments={attachments} />}
      {kind !== 'customer' && (
        <DeliveryNote
          kind={kind}
          pending={props.pending}
          state={props.deliveryState}
          at={props.deliveryAt}
          reason={props.deliveryReason}
          outboundOn={props.outboundOn}
        />
      )}
    </article>
  );
}, sameProps);
