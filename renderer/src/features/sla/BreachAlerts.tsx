import { useCallback, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ShellApi } from '#shared/shell/contract';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { ALERTS_PROMPT_DISMISSAL } from './breach-alert-memory.ts';
import { useBreachAlerts } from './use-breach-alerts.ts';

type Permission = NotificationPermission | 'unsupported';

function currentPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

interface BreachAlertsProps {
  shell: ShellApi;
  /** Web mode asks the browser for permission; the desktop shell notifies natively. */
  web: boolean;
}

/**
 * Breach alerts for the console, and in web mode the polite way to turn them
 * on: a button the agent presses (browsers only ask with a user gesture, and
 * asking on load is rude), or "Not now", remembered on this device.
 */
export function BreachAlerts({ shell, web }: BreachAlertsProps) {
  const { db } = useWorkspace();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const enabled = useCallback(() => !web || currentPermission() === 'granted', [web]);
  useBreachAlerts(shell, enabled);
  const dismissed = useLiveQuery(
    async () => (await db.local.dismissals.get(ALERTS_PROMPT_DISMISSAL)) !== undefined,
    [db],
  );

  if (!web || permission !== 'default' || dismissed !== false) return null;
  const turnOn = async () => {
    try {
      setPermission(await Notification.requestPermission());
    } catch {
      setPermission(currentPermission());
    }
  };
  return (
    <div className="breach-alerts-prompt" role="group" aria-label="SLA breach alerts">
      <span>Get a notification 10 minutes before a ticket of yours breaches its SLA.</span>
      <button type="button" className="button button--small" onClick={() => void turnOn()}>
        Turn on breach alerts
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => void db.local.dismissals.put({ id: ALERTS_PROMPT_DISMISSAL, dismissedAt: Date.now() })}
      >
        Not now
      </button>
    </div>
  );
}
