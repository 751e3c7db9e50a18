import { FollowUpDialog } from '../follow-up/FollowUpDialog.tsx';
import { useEscalationDialogs } from '../escalation-dialogs-store.ts';
import { useEscalation } from '../use-escalations.ts';
import { PacketEditor } from './PacketEditor.tsx';

/**
 * Shows the packet editor or the follow-up dialog when a key, a button, a
 * banner or the escalations screen asked for one. Mount once per console.
 */
export function EscalationDialogHost() {
  const editing = useEscalationDialogs((s) => s.editing);
  const followingUp = useEscalationDialogs((s) => s.followingUp);
  const close = useEscalationDialogs((s) => s.close);
  const escalation = useEscalation(editing ?? followingUp ?? undefined);
  // Mounted once the packet is read, so the dialog opens with the focus where it belongs.
  if (!escalation || (escalation.id !== editing && escalation.id !== followingUp)) return null;
  return escalation.id === editing ? (
    <PacketEditor key={escalation.id} escalation={escalation} onClose={close} />
  ) : (
    <FollowUpDialog key={escalation.id} escalation={escalation} onClose={close} />
  );
}
