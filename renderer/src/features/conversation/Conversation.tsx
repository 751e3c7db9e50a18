import { Fragment, startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useMailStatus } from '../mail/use-mail-status.ts';
import { useMembers } from '../queue/members-context.tsx';
import { MessageEntry } from './MessageEntry.tsx';
import type { ThreadEntry } from './thread.ts';
import type { LiveThread } from './use-thread.ts';

/** How many of the newest messages a long thread shows (the older ones on request). */
export const INITIAL_MESSAGES = 50;
/**
 * How many go into the first frame. Markdown costs about a millisecond a
 * message to parse (several on a busy machine), so the first paint shows the
 * newest few and the rest of the 50 follow in an interruptible transition:
 * the ticket opens in one frame and keys keep working meanwhile.
 */
export const FIRST_PAINT_MESSAGES = 10;

interface ConversationProps {
  thread: LiveThread | undefined;
}

/**
 * The ticket's conversation, oldest first: what the customer wrote, the
 * team's replies and internal notes. A long thread opens on its newest
 * messages; the older ones are a key press away.
 */
export function Conversation({ thread }: ConversationProps) {
  const { user } = useWorkspace();
  const members = useMembers();
  const mail = useMailStatus();
  const outboundOn = mail ? mail.outbound : null;
  const [showAll, setShowAll] = useState(false);
  const [limit, setLimit] = useState(FIRST_PAINT_MESSAGES);
  const loaded = thread !== undefined;
  useEffect(() => {
    if (loaded) startTransition(() => setLimit(INITIAL_MESSAGES));
  }, [loaded]);
  const section = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (loaded) revealNewest(section.current);
  }, [loaded]);
  if (!thread) {
    return (
      <section className="conversation" aria-label="Conversation" aria-busy="true">
        <p className="conversation__loading">Loading the conversation…</p>
      </section>
    );
  }
  const { entries, pending, missingMerged } = thread;
  // The customer's first message stays in view (it says what the ticket is about), then the newest ones.
  const hidden = showAll ? 0 : Math.max(0, entries.length - 1 - limit);
  const filling = limit < INITIAL_MESSAGES;
  const shown: readonly ThreadEntry[] =
    hidden > 0 ? [entries[0] as ThreadEntry, ...entries.slice(1 + hidden)] : entries;
  const nameOf = (id: string | null) =>
    id === null ? undefined : id === user.id ? 'You' : (members?.get(id)?.name ?? 'A teammate');

  return (
    <section className="conversation" aria-label="Conversation" data-testid="conversation" ref={section}>
      {missingMerged > 0 && (
        <p className="conversation__note" role="note">
          {missingMerged === 1 ? 'One ticket' : `${missingMerged} tickets`} merged into this one{' '}
          {missingMerged === 1 ? 'is' : 'are'} older than this device keeps, so {missingMerged === 1 ? 'its' : 'their'}{' '}
          messages are not shown here. Open {missingMerged === 1 ? 'it' : 'them'} from the merged list to fetch them.
        </p>
      )}
      {shown.map((entry, index) => (
        <Fragment key={entry.id}>
          {hidden > 0 && index === 1 && filling && <p className="conversation__loading">Loading earlier messages…</p>}
          {hidden > 0 && index === 1 && !filling && (
            <button
              type="button"
              className="button button--small button--quiet conversation__earlier"
              onClick={() => setShowAll(true)}
            >
              Show {hidden} earlier {hidden === 1 ? 'message' : 'messages'}
            </button>
          )}
          <MessageEntry
            id={entry.id}
            kind={entry.kind}
            body={entry.body}
            createdAt={entry.createdAt}
            fromName={entry.fromName}
            fromEmail={entry.fromEmail}
            agentName={nameOf(entry.authorId)}
            pending={pending.has(entry.id)}
            deliveryState={entry.delivery?.state}
            deliveryAt={entry.delivery?.at}
            deliveryReason={entry.delivery?.reason}
            outboundOn={outboundOn}
            attachments={entry.attachments}
            automatic={entry.automatic}
            mergedFrom={
              entry.mergedFrom
                ? entry.mergedFrom.number === undefined
                  ? 'a merged ticket'
                  : `#${entry.mergedFrom.number}`
                : undefined
            }
            recipientCount={entry.recipientCount}
          />
        </Fragment>
      ))}
    </section>
  );
}

/**
 * Opening a ticket whose thread is longer than the pane shows its newest
 * message (what the customer said last is what the agent acts on), as a chat
 * does; a thread that fits is left where it is, header and all.
 */
function revealNewest(section: HTMLElement | null): void {
  const newest = section?.querySelector<HTMLElement>('article[data-message-id]:last-of-type');
  if (!newest) return;
  const box = newest.getBoundingClientRect();
  if (box.bottom > window.innerHeight) newest.scrollIntoView({ block: 'end' });
}
