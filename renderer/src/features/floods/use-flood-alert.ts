import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { FloodReport } from '#shared/similarity/flood-detection';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { FLOOD_SEEN_PREFIX, floodStaysHidden } from './flood-dismissal.ts';

/** How often the inflow is looked at again: a flood is news within seconds, not at the next reload. */
const CHECK_EVERY_MS = 5_000;

/** A rise in volume without look-alikes has nothing to tell apart: "not now" hides it for half an hour. */
const VOLUME_DISMISSAL = 'flood-volume';
const VOLUME_QUIET_MS = 30 * 60_000;

export interface FloodAlert {
  report: FloodReport;
  /** The largest cluster of look-alikes, the one the banner offers to act on (null: volume only). */
  cluster: FloodReport['clusters'][number] | null;
}

/**
 * The flood the queue should warn about, if any: detected in the search
 * worker from this device's tickets (offline too), minus what the agent said
 * "not now" to (until enough new look-alikes make it news again).
 */
export function useFloodAlert(): { alert: FloodAlert | null; dismiss: () => void } {
  const { db, query } = useWorkspace();
  const search = useSyncExternalStore(
    (onChange) => query.onSearch(onChange),
    () => query.search,
  );
  const [report, setReport] = useState<FloodReport | null>(null);

  useEffect(() => {
    if (!search) return;
    let stopped = false;
    const check = () => {
      search
        .detectFlood(Date.now())
        .then((next) => {
          if (!stopped) setReport(next);
        })
        // A failed check is tried again on the next tick; the queue keeps working without the banner.
        .catch(() => undefined);
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [search]);

  const cluster = report?.clusters[0] ?? null;
  const clusterKey = cluster?.ticketIds.join(',') ?? '';
  const hidden = useLiveQuery(async () => {
    if (!cluster) {
      const dismissed = await db.local.dismissals.get(VOLUME_DISMISSAL);
      return dismissed !== undefined && Date.now() - dismissed.dismissedAt < VOLUME_QUIET_MS;
    }
    const seen = await db.local.dismissals.bulkGet(cluster.ticketIds.map((id) => FLOOD_SEEN_PREFIX + id));
    return floodStaysHidden(
      cluster.ticketIds,
      new Set(seen.flatMap((row) => (row ? [row.id.slice(FLOOD_SEEN_PREFIX.length)] : []))),
    );
    // clusterKey stands for the cluster's members.
  }, [db, clusterKey]);

  const dismiss = useCallback(() => {
    const now = Date.now();
    if (!cluster) {
      void db.local.dismissals.put({ id: VOLUME_DISMISSAL, dismissedAt: now });
      return;
    }
    void db.local.dismissals.bulkPut(cluster.ticketIds.map((id) => ({ id: FLOOD_SEEN_PREFIX + id, dismissedAt: now })));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- clusterKey stands for the cluster's members
  }, [db, clusterKey]);

  if (!report || hidden !== false) return { alert: null, dismiss };
  return { alert: { report, cluster }, dismiss };
}
