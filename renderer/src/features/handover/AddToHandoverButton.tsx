import { can } from '#shared/domain/permissions';
import type { HandoverSubject } from '#shared/domain/handover';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useHandoverDialogs } from './handover-dialogs-store.ts';

interface AddToHandoverButtonProps {
  subject: HandoverSubject;
  /** What the button adds, in its words: "Add to handover", "Add the customer to handover". */
  label?: string;
  /** Shown as the key when the screen binds Shift+H to this subject. */
  showKey?: boolean;
}

/** Opens "Add to handover" for a ticket, escalation, problem or customer. */
export function AddToHandoverButton({
  subject,
  label = 'Add to handover…',
  showKey = false,
}: AddToHandoverButtonProps) {
  const { user } = useWorkspace();
  const openAdd = useHandoverDialogs((s) => s.openAdd);
  if (!can(user.role, 'handover.work')) return null;
  return (
    <button
      type="button"
      className="button button--small"
      aria-keyshortcuts={showKey ? 'Shift+H' : undefined}
      data-testid={`add-to-handover-${subject.kind}`}
      onClick={() => openAdd(subject)}
    >
      {showKey && <kbd>⇧H</kbd>} {label}
    </button>
  );
}
