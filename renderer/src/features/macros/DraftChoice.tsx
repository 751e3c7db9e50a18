import { useEffect, useRef } from 'react';

interface DraftChoiceProps {
  where: string;
  busy: boolean;
  onReplace: () => void;
  onAppend: () => void;
  onCancel: () => void;
}

/** The ticket already has words in its draft: the macro replaces them, or goes below them. */
export function DraftChoice({ where, busy, onReplace, onAppend, onCancel }: DraftChoiceProps) {
  const append = useRef<HTMLButtonElement>(null);
  // Adding below loses nothing, so it is what Enter does.
  useEffect(() => append.current?.focus(), []);
  return (
    <div className="dialog__body macro-draft-choice" data-testid="macro-draft-choice">
      <p>You have already started a draft on {where}. What should the macro do with it?</p>
      <div className="dialog__actions">
        <button ref={append} type="button" className="button button--primary" disabled={busy} onClick={onAppend}>
          Add the macro below it
        </button>
        <button type="button" className="button" disabled={busy} onClick={onReplace}>
          Replace the draft
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Back
        </button>
      </div>
    </div>
  );
}
