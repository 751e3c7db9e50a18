import { useEffect, useRef } from 'react';
import type { ShellApi } from '#shared/shell/contract';
import { nudgeNotification } from './pacing-view.ts';
import { usePacing } from './use-pacing.ts';

/**
 * A native notification once per ready-but-unsent packet (through the shell;
 * in web mode only once the agent allowed notifications). Remembered in
 * memory: after a reload the banner still says it, and one repeat is fine.
 * Mount once per console.
 */
export function usePacingNotifications(shell: ShellApi): void {
  const { nudges, drafts } = usePacing();
  const notified = useRef(new Set<string>());
  useEffect(() => {
    for (const nudge of nudges) {
      if (notified.current.has(nudge.escalationId)) continue;
      notified.current.add(nudge.escalationId);
      const summary = drafts.get(nudge.escalationId)?.summary ?? '';
      // Not worth an error in the agent's face: the banner says it too.
      void shell.notify(nudgeNotification(nudge, summary)).catch(() => undefined);
    }
  }, [nudges, drafts, shell]);
}
