import type { ShellApi } from '#shared/shell/contract';
import { usePacingNotifications } from '../pacing/use-pacing-notifications.ts';
import { useRegressionWatch } from './use-regression-watch.ts';

/**
 * The escalation watchers that run whichever screen is open: regression
 * watch on new tickets, and a notification for each packet left ready but
 * unsent. Renders nothing. Mount once per console, like the breach alerts.
 */
export function EscalationWatchers({ shell }: { shell: ShellApi }) {
  useRegressionWatch();
  usePacingNotifications(shell);
  return null;
}
