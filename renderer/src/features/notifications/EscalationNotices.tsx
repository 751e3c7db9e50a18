import type { ShellApi } from '#shared/shell/contract';
import { QuestionNotices } from './QuestionNotices.tsx';
import { useEscalationNotifications } from './use-escalation-notifications.ts';
import { useShellNotifications } from './use-shell-notifications.ts';

/** Escalation news outside the bell: the shell notification, and the notice for an open question. Mount once. */
export function EscalationNotices({ shell, onEscalations }: { shell: ShellApi; onEscalations: boolean }) {
  useShellNotifications(shell, useEscalationNotifications());
  return <QuestionNotices onEscalations={onEscalations} />;
}
