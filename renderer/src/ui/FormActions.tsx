import type { ReactNode } from 'react';

interface FormActionsProps {
  /** The submit button's words: what the form does ("Add user", "Save changes"). */
  submitLabel: string;
  /** While the form is being saved: no second submit. */
  busy: boolean;
  /** The way out after the submit button: Cancel for a dialog, Undo changes for a settings form. */
  secondary: { label: string; onClick: () => void; disabledWhileBusy?: boolean; autoFocus?: boolean };
  /** Further buttons, between the two (Delete…). */
  children?: ReactNode;
  className?: string;
}

/** The button row at the foot of every form: one layout and order everywhere (submit first, the way out last). */
export function FormActions({ submitLabel, busy, secondary, children, className }: FormActionsProps) {
  return (
    <div className={className ? `dialog__actions ${className}` : 'dialog__actions'}>
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
      {children}
      <button
        type="button"
        className="button"
        onClick={secondary.onClick}
        disabled={secondary.disabledWhileBusy ? busy : undefined}
        data-autofocus={secondary.autoFocus ? true : undefined}
      >
        {secondary.label}
      </button>
    </div>
  );
}
