import { useEffect, useRef } from 'react';
import type { ShellApi } from '#shared/shell/contract';
import { BREACHING_SOON_VIEW_ID, builtinView } from '#shared/query/builtin-views';
import { breachAlertsDue, breachNotifications } from '#shared/sla/breach-alerts';
import { slaStatus } from '#shared/sla/sla-status';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useLiveView } from '../../query/use-live-view.ts';
import { viewCountKey } from '../views/ViewNav.tsx';
import { loadAlerted, rememberAlerted } from './breach-alert-memory.ts';
import { SLA_METRIC_LABELS } from './sla-timer-view.ts';

/** How often deadlines are checked against the clock; well inside the 10-minute lead. */
const CHECK_EVERY_MS = 15_000;

const BREACHING_SOON = builtinView(BREACHING_SOON_VIEW_ID)!.definition;

/**
 * Notifies the agent shortly before an SLA breach on a ticket that is theirs
 * or nobody's, once per ticket and deadline, through the shell (the
 * Notification API in web mode, once the agent turned alerts on). It reads the
 * "Breaching soon" view the query layer maintains anyway (the nav's count),
 * never the whole table. Mount once per console.
 */
export function useBreachAlerts(shell: ShellApi, enabled: () => boolean): void {
  const { db, user, query } = useWorkspace();
  const key = viewCountKey(BREACHING_SOON_VIEW_ID);
  const rows = useLiveView(key, BREACHING_SOON);
  const alerted = useRef<Set<string> | null>(null);
  const running = useRef(false);

  useEffect(() => {
    let stopped = false;
    const check = async (): Promise<void> => {
      if (running.current || !enabled()) return;
      running.current = true;
      try {
        const now = Date.now();
        alerted.current ??= await loadAlerted(db, now);
        const view = query.index.view(key);
        const config = query.slaConfig;
        if (stopped || !view || !config) return;
        const alerts = breachAlertsDue(view, now, user.id, alerted.current);
        if (alerts.length === 0) return;
        for (const alert of alerts) alerted.current.add(alert.key);
        await rememberAlerted(
          db,
          alerts.map((alert) => alert.key),
          now,
        );
        const describe = (alert: { ticketId: string }) => {
          const record = query.index.get(alert.ticketId);
          const status = record && slaStatus(record, config, now);
          return status ? SLA_METRIC_LABELS[status.metric] : 'SLA';
        };
        for (const notification of breachNotifications(alerts, now, describe)) {
          // A notification that cannot be shown is not worth an error in the agent's face: the row is red anyway.
          await shell.notify(notification).catch(() => undefined);
        }
      } finally {
        running.current = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // `rows` changes when the view does: a ticket that just came due is checked at once.
  }, [db, query, key, user.id, shell, enabled, rows]);
}
