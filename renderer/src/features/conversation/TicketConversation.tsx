import { useRef } from 'react';
import { can } from '#shared/domain/permissions';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useRegisterActions } from '../actions/ActionsProvider.tsx';
import { Composer, focusQueue } from './Composer.tsx';
import { useComposerStore } from './composer-store.ts';
import { CONVERSATION_ACTIONS } from './conversation-actions.ts';
import { Conversation } from './Conversation.tsx';
import { discardDraft, useDraft } from './drafts.ts';
import { useThread } from './use-thread.ts';

/**
 * The ticket's main column below its header: the conversation, then the
 * composer (or, while it is closed, the buttons that open it). Puts `r`, `n`
 * and the send key on the keyboard, in the palette and the shortcut sheet.
 */
export function TicketConversation({ ticket }: { ticket: Ticket }) {
  const { db, user } = useWorkspace();
  const thread = useThread(db, ticket);
  const draft = useDraft(db, ticket.id);
  const open = useComposerStore((s) => s.open);
  const { openComposer, closeComposer } = useComposerStore.getState();
  const composerOpen = open?.ticketId === ticket.id;
  const mayWrite = can(user.role, 'ticket.reply');
  const sendRef = useRef<(() => void) | null>(null);

  useRegisterActions(CONVERSATION_ACTIONS, {
    ticketId: ticket.id,
    mayWrite,
    composerOpen,
    hasDraft: Boolean(draft),
    openComposer: (kind) => openComposer(ticket.id, kind),
    send: () => sendRef.current?.(),
    discard: () => {
      if (composerOpen) closeComposer();
      void discardDraft(db, ticket.id).then(focusQueue);
    },
  });

  return (
    <>
      <Conversation key={ticket.id} thread={thread} />
      {composerOpen ? (
        <Composer key={ticket.id} ticket={ticket} thread={thread} sendRef={sendRef} />
      ) : (
        mayWrite && (
          <div className="composer-bar" data-testid="composer-bar">
            {draft && (
              <p className="composer-bar__draft">
                Your draft {draft.kind === 'note' ? 'note' : 'reply'} is kept on this device.
              </p>
            )}
            <button
              type="button"
              className="button button--small"
              aria-keyshortcuts="r"
              onClick={() => openComposer(ticket.id, 'reply')}
            >
              <kbd>r</kbd> {draft?.kind === 'reply' ? 'Continue reply' : 'Reply'}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-keyshortcuts="n"
              onClick={() => openComposer(ticket.id, 'note')}
            >
              <kbd>n</kbd> {draft?.kind === 'note' ? 'Continue note' : 'Internal note'}
            </button>
          </div>
        )
      )}
    </>
  );
}
