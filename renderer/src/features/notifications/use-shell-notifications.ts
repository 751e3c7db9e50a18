import { useEffect, useRef } from 'react';
import type { EscalationNotification } from '#shared/escalation/notifications';
import type { ShellApi } from '#shared/shell/contract';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { readNotifiedUpTo, writeNotifiedUpTo } from './notification-memory.ts';

/** More at once than this is one summary notification, not a burst. */
const ONE_BY_ONE_MAX = 3;

/**
 * Sends each new escalation notification to the shell (a native notification
 * on the desktop, the Notification API on the web) once per device. A device
 * that has never done so starts from now: signing in on a new laptop does not
 * replay the history.
 */
export function useShellNotifications(
  shell: ShellApi,
  notifications: readonly EscalationNotification[] | undefined,
): void {
  const { db } = useWorkspace();
  // One check at a time, in order: a change that arrives mid-check is checked right after it.
  const queue = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    if (!notifications) return;
    queue.current = queue.current
      .then(async () => {
        const mark = await readNotifiedUpTo(db);
        const newest = notifications.reduce((max, notification) => Math.max(max, notification.at), 0);
        if (mark === undefined) {
          await writeNotifiedUpTo(db, Math.max(Date.now(), newest));
          return;
        }
        const fresh = notifications.filter((notification) => notification.at > mark);
        if (fresh.length === 0) return;
        await writeNotifiedUpTo(db, newest);
        const shown =
          fresh.length > ONE_BY_ONE_MAX
            ? [{ title: 'Escalations', body: `${fresh.length} updates on your escalations.` }]
            : fresh.map((notification) => ({
                title: clip(`Escalation: ${notification.summary}`, 200),
                body: clip(notification.text, 1_000),
              }));
        // A notification that cannot be shown is not worth an error: the bell has it anyway.
        for (const notification of shown) await shell.notify(notification).catch(() => undefined);
      })
      .catch(() => undefined);
  }, [db, shell, notifications]);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
