import { useEffect, useRef } from 'react';
import type { Macro } from '#shared/domain/macro';
import type { RenderedMacro } from '#shared/macros/render-macro';
import { MarkdownContent } from '../conversation/content/MarkdownContent.tsx';
import { kindLabel } from './macro-order.ts';
import { OpenSlots } from './OpenSlots.tsx';

interface MacroPreviewProps {
  macro: Macro;
  rendered: RenderedMacro;
  /** "Set status Pending · add tag outage · assign to you", or null. */
  changes: string | null;
  busy: boolean;
  onUse: () => void;
  onApply: () => void;
  onBack: () => void;
}

/**
 * What the macro will write and change, before anything happens: the text
 * filled from this ticket, the slots the agent still has to fill, and the
 * ticket changes. "Use" puts it in the composer; nothing is sent from here.
 */
export function MacroPreview({ macro, rendered, changes, busy, onUse, onApply, onBack }: MacroPreviewProps) {
  const primary = useRef<HTMLButtonElement>(null);
  // The list's input had the focus; Enter now means "Use" (or "Apply changes").
  useEffect(() => primary.current?.focus(), []);
  const textless = macro.body.trim() === '';

  return (
    <div className="macro-preview" data-testid="macro-preview">
      {textless ? (
        <p>This macro writes no message: it only changes the ticket.</p>
      ) : (
        <section aria-label={`${kindLabel(macro)} text`} className="macro-preview__text">
          <p className="macro-preview__kind">
            {macro.messageKind === 'reply' ? 'Reply to the customer' : 'Internal note, never sent to the customer'}
          </p>
          <MarkdownContent markdown={rendered.text} />
        </section>
      )}
      <OpenSlots slots={rendered.openSlots} />
      <p className="macro-preview__changes" data-testid="macro-preview-changes">
        {changes ? `${textless ? 'Changes' : 'When sent, also'}: ${changes}` : 'It changes nothing else on the ticket.'}
      </p>
      <div className="dialog__actions">
        {textless ? (
          <button
            ref={primary}
            type="button"
            className="button button--primary"
            disabled={busy || changes === null}
            onClick={onApply}
          >
            Apply changes
          </button>
        ) : (
          <button ref={primary} type="button" className="button button--primary" disabled={busy} onClick={onUse}>
            Use
          </button>
        )}
        <button type="button" className="button" onClick={onBack}>
          Back to the list
        </button>
      </div>
    </div>
  );
}
