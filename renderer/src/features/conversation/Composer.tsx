import { type KeyboardEvent, type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { replyRecipients } from '#shared/domain/reply-recipients';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { useMailStatus } from '../mail/use-mail-status.ts';
import { useMembers } from '../queue/members-context.tsx';
import { useComposerStore } from './composer-store.ts';
import { MarkdownContent } from './content/MarkdownContent.tsx';
import { markDraftSeen, writeDraft } from './drafts.ts';
import { MacroActionChips } from './MacroActionChips.tsx';
import { withoutChip } from './macro-action-chips.ts';
import { sendDraft } from './send-message.ts';
import { type SendBlock, sendBlock } from './send-plan.ts';
import { StaleReplyGuard } from './StaleReplyGuard.tsx';
import { type ThreadEntry, newestConfirmedAt } from './thread.ts';
import { useComposerDraft } from './use-composer-draft.ts';
import type { LiveThread } from './use-thread.ts';
import { openSlotsIn } from '#shared/macros/render-macro';

interface ComposerProps {
  ticket: Ticket;
  thread: LiveThread | undefined;
  /** Where the send action (mod+Enter, the palette) reaches this composer. */
  sendRef: RefObject<(() => void) | null>;
}

/** The newest message the agent can see now: where a new draft's stale-reply guard starts. */
function newestShown(thread: LiveThread | undefined): number | undefined {
  if (!thread) return undefined;
  return newestConfirmedAt(
    thread.entries.filter((entry) => entry.source === 'message'),
    thread.pending,
  );
}

/** Back to the queue list, where j/k and the other ticket keys work. */
export function focusQueue(): void {
  document.querySelector<HTMLElement>('[data-testid="queue-list"]')?.focus();
}

function describeBlock(block: SendBlock): string {
  return block.kind === 'empty'
    ? 'Write something first: an empty message cannot be sent.'
    : `Fill in ${block.slots.map((slot) => `{{${slot}}}`).join(', ')} before sending: the customer would see the braces.`;
}

/**
 * The reply and note composer, keyboard first: mod+Enter sends, Esc closes
 * and keeps the draft. The text is saved on this device as it is typed; a
 * send is stopped when someone else wrote since the draft began.
 */
export function Composer({ ticket, thread, sendRef }: ComposerProps) {
  const { db, user } = useWorkspace();
  const members = useMembers();
  const mail = useMailStatus();
  const showFlash = useUiStore((s) => s.showFlash);
  const open = useComposerStore((s) => s.open);
  const focusRequest = useComposerStore((s) => s.focusRequest);
  const { openComposer, closeComposer } = useComposerStore.getState();
  const kind = open?.kind ?? 'reply';
  const [seenAtOpen] = useState(() => newestShown(thread));
  const { body, draft, setBody, flush, markSent } = useComposerDraft(db, ticket.id, kind, seenAtOpen);
  // A reply here goes to every merged requester too: their names are filled in for each copy.
  const perRecipient = (ticket.merged?.length ?? 0) > 0;
  const [preview, setPreview] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState<readonly ThreadEntry[] | null>(null);
  const sending = useRef(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();

  const focusText = () => {
    setPreview(false);
    requestAnimationFrame(() => textarea.current?.focus());
  };

  // `r`, `n` or a macro asked for the composer: the text field takes the focus, caret at the end.
  const loaded = body !== null;
  useEffect(() => {
    const field = textarea.current;
    if (!field || !loaded) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [focusRequest, loaded]);

  const nameOf = (entry: ThreadEntry) =>
    entry.kind === 'customer'
      ? (entry.fromName ?? entry.fromEmail ?? 'The customer')
      : entry.authorId === user.id
        ? 'You'
        : ((entry.authorId && members?.get(entry.authorId)?.name) ?? 'A teammate');

  const send = async () => {
    if (sending.current || body === null) return;
    await flush();
    const block = sendBlock(kind, body, { perRecipient });
    if (block) {
      setProblem(describeBlock(block));
      focusText();
      return;
    }
    sending.current = true;
    try {
      const outcome = await sendDraft(db, user, ticket.id, { kind, body, actions: draft?.actions });
      switch (outcome.kind) {
        case 'stale':
          setStale(outcome.since);
          return;
        case 'refused':
          setProblem(`Not sent: ${outcome.message} Your text is kept here.`);
          return;
        case 'gone':
          setProblem('This ticket is no longer on this device, so nothing was sent. Your text is kept here.');
          return;
        case 'sent':
          markSent();
          setProblem(null);
          closeComposer();
          focusQueue();
          if (outcome.refused.length > 0) {
            showFlash(
              `Your ${kind === 'reply' ? 'reply' : 'note'} is saved, but not every change of the macro was: ${outcome.refused.join('; ')}`,
            );
          }
      }
    } catch (error) {
      setProblem(
        `Not sent: this device could not save it (${error instanceof Error ? error.message : String(error)}). Your text is kept; try again, or reload the app.`,
      );
    } finally {
      sending.current = false;
    }
  };
  useLayoutEffect(() => {
    sendRef.current = () => void send();
  });

  const acknowledge = async () => {
    const newest = Math.max(...(stale ?? []).map((entry) => entry.createdAt));
    if (Number.isFinite(newest)) await markDraftSeen(db, ticket.id, newest);
    setStale(null);
  };

  const close = async () => {
    await flush();
    closeComposer();
    focusQueue();
  };

  // Handled here, for the whole form: a focused button would otherwise take Ctrl+Enter as its own Enter,
  // and the queue's "back" must not run on the composer's Esc.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      void close();
    }
  };

  const slots = kind === 'reply' && body ? openSlotsIn(body, { perRecipient }) : [];
  const label = kind === 'reply' ? 'Reply to the customer (Markdown)' : 'Internal note for the team (Markdown)';

  return (
    <form
      className={`composer composer--${kind}`}
      aria-label="Reply composer"
      data-kind={kind}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="composer__toolbar">
        <div className="button-row" role="group" aria-label="Message kind">
          <button
            type="button"
            className="button button--small"
            aria-pressed={kind === 'reply'}
            aria-keyshortcuts="r"
            onClick={() => openComposer(ticket.id, 'reply')}
          >
            Reply
          </button>
          <button
            type="button"
            className="button button--small"
            aria-pressed={kind === 'note'}
            aria-keyshortcuts="n"
            onClick={() => openComposer(ticket.id, 'note')}
          >
            Internal note
          </button>
        </div>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-pressed={preview}
          onClick={() => (preview ? focusText() : setPreview(true))}
        >
          Preview
        </button>
      </div>
      {kind === 'note' && (
        <p className="composer__note-hint">Internal note — only your team sees it; it is never sent to the customer.</p>
      )}
      <label htmlFor={fieldId} className={preview ? 'visually-hidden' : 'composer__label'}>
        {label}
      </label>
      <textarea
        id={fieldId}
        ref={textarea}
        className="composer__text"
        hidden={preview}
        rows={6}
        value={body ?? ''}
        disabled={body === null}
        placeholder={body === null ? 'Reading your draft…' : undefined}
        aria-keyshortcuts="Control+Enter Meta+Enter Escape"
        aria-describedby={`${fieldId}-help`}
        onChange={(event) => {
          setProblem(null);
          setBody(event.target.value);
        }}
        onBlur={() => void flush()}
      />
      {preview && (
        <div className="composer__preview" role="region" aria-label="Preview" data-testid="composer-preview">
          {body?.trim() ? (
            <MarkdownContent markdown={body} />
          ) : (
            <p className="composer__empty">Nothing to preview yet.</p>
          )}
        </div>
      )}
      {slots.length > 0 && (
        <p className="composer__slots" data-testid="composer-open-slots">
          To fill in before sending: {slots.map((slot) => `{{${slot}}}`).join(', ')}
        </p>
      )}
      {draft?.actions && (
        <MacroActionChips
          actions={draft.actions}
          nameOf={(id) => (id === user.id ? 'you' : (members?.get(id)?.name ?? 'a teammate'))}
          onRemove={(chip) => {
            if (!draft.actions) return;
            void flush().then(() =>
              writeDraft(db, ticket.id, { kind, body: body ?? '', actions: withoutChip(draft.actions ?? {}, chip) }),
            );
          }}
        />
      )}
      {problem && (
        <p className="composer__problem" role="alert" data-testid="composer-problem">
          {problem}
        </p>
      )}
      {stale && (
        <StaleReplyGuard
          since={stale}
          nameOf={nameOf}
          onEdit={() => void acknowledge().then(focusText)}
          onSendAnyway={() => void acknowledge().then(send)}
        />
      )}
      <div className="composer__actions">
        <p id={`${fieldId}-help`} className="composer__help">
          Markdown. <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> sends · <kbd>Esc</kbd> closes and keeps the draft ·
          saved on this device as you type.
        </p>
        <button type="button" className="button button--small button--quiet" onClick={() => void close()}>
          Close
        </button>
        <button type="submit" className="button button--small button--primary" disabled={body === null}>
          {kind === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
      {kind === 'reply' && perRecipient && (
        <p className="composer__merged" data-testid="composer-merged">
          This reply goes to {replyRecipients(ticket).length} requesters, each by their own email in their own thread.
          Write it for all of them: <code>{'{{requester.first_name}}'}</code>, <code>{'{{customer.name}}'}</code> and{' '}
          <code>{'{{ticket.number}}'}</code> are filled in for each one.
        </p>
      )}
      {/* Only when the server said so: while the status is unknown (offline), nothing is claimed. */}
      {kind === 'reply' && mail?.outbound === false && (
        <p className="composer__email-off" data-testid="composer-email-off">
          Email isn’t set up: replies are saved on the ticket but not sent to the customer. An admin can connect the
          team mailbox in Admin → Email.
        </p>
      )}
    </form>
  );
}
