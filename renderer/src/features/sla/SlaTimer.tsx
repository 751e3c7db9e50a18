import { memo, useCallback, useRef, useSyncExternalStore } from 'react';
import type { SlaTicket } from '#shared/sla/sla-clocks';
import { slaStatus } from '#shared/sla/sla-status';
import { slaTickerNow, subscribeSlaTicker } from './sla-ticker.ts';
import { type SlaTimerView, sameTimerView, slaTimerView } from './sla-timer-view.ts';
import { useQuerySlaConfig } from './use-query-sla.ts';

/**
 * A queue row's SLA timer: the clock with the least time left, coloured by
 * step. Only mounted rows have one, so a tick costs one slaStatus per visible
 * row whatever the table's size; every tick computes it, but the row
 * re-renders only when what it shows changed (about once a minute).
 */
export const SlaTimer = memo(function SlaTimer({ ticket }: { ticket: SlaTicket }) {
  const config = useQuerySlaConfig();
  const shown = useRef<SlaTimerView | null>(null);
  const read = useCallback((): SlaTimerView | null => {
    const next = config === null ? null : slaTimerView(slaStatus(ticket, config, slaTickerNow()));
    if (!sameTimerView(shown.current, next)) shown.current = next;
    return shown.current;
  }, [ticket, config]);
  const view = useSyncExternalStore(subscribeSlaTicker, read);
  if (view === null) return null;
  return (
    <span className="sla-timer" data-sla-step={view.step} role="img" aria-label={view.label} title={view.label}>
      {view.text}
    </span>
  );
});
