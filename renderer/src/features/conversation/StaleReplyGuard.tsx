import { useEffect, useRef } from 'react';
import { CustomerText } from './content/CustomerText.tsx';
import { MarkdownContent } from './content/MarkdownContent.tsx';
import type { ThreadEntry } from './thread.ts';
import { formatTimestamp } from '../../ui/format.ts';

interface StaleReplyGuardProps {
  since: readonly ThreadEntry[];
  nameOf: (entry: ThreadEntry) => string;
  onSendAnyway: () => void;
  onEdit: () => void;
}

const WHAT: Record<ThreadEntry['kind'], string> = {
  customer: 'wrote',
  reply: 'replied',
  note: 'added an internal note',
};

/**
 * Help Scout's "traffic cop": someone wrote on the ticket after this draft
 * began, so nothing was sent. Shows what they wrote (rendered as safely as
 * the conversation) and lets the agent send anyway or go back and edit.
 */
export function StaleReplyGuard({ since, nameOf, onSendAnyway, onEdit }: StaleReplyGuardProps) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), []);
  return (
    <div
      ref={region}
      className="stale-guard"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="stale-guard-title"
      aria-describedby="stale-guard-why"
      tabIndex={-1}
      data-testid="stale-reply-guard"
    >
      <h4 id="stale-guard-title" className="stale-guard__title">
        Not sent: {since.length === 1 ? 'someone wrote' : `${since.length} new messages were written`} while you were
        writing
      </h4>
      <p id="stale-guard-why" className="stale-guard__why">
        Read what is new, then send yours as it is or edit it first. Your text is kept either way.
      </p>
      <ol className="stale-guard__list">
        {since.map((entry) => (
          <li
            key={entry.id}
            className={`stale-guard__entry stale-guard__entry--${entry.kind}`}
            data-message-id={entry.id}
          >
            <p className="stale-guard__who">
              <bdi>{nameOf(entry)}</bdi> {WHAT[entry.kind]} · {formatTimestamp(entry.createdAt)}
            </p>
            {entry.kind === 'customer' ? <CustomerText text={entry.body} /> : <MarkdownContent markdown={entry.body} />}
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button button--small" onClick={onEdit}>
          Edit my message
        </button>
        <button type="button" className="button button--small button--primary" onClick={onSendAnyway}>
          Send anyway
        </button>
      </div>
    </div>
  );
}
