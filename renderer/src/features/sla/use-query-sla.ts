import { useCallback, useSyncExternalStore } from 'react';
import type { SlaConfig } from '#shared/domain/sla-config';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { slaTickerNow, subscribeSlaTicker } from './sla-ticker.ts';

/**
 * The SLA config the query layer computed every row's deadline with (null
 * until it is read): timers use the same one, so a row's timer and its place
 * in "Breaching soon" never disagree, and they change together when a lead
 * saves new policies.
 */
export function useQuerySlaConfig(): SlaConfig | null {
  const { query } = useWorkspace();
  const subscribe = useCallback((listener: () => void) => query.onSlaConfig(listener), [query]);
  return useSyncExternalStore(subscribe, () => query.slaConfig);
}

/** The shared SLA clock, rounded down to `stepMs`: re-renders once per step, not per tick. */
export function useSlaNow(stepMs = 1_000): number {
  return useSyncExternalStore(subscribeSlaTicker, () => Math.floor(slaTickerNow() / stepMs) * stepMs);
}
