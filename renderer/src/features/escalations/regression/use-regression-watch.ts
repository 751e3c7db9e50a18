import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { TicketId } from '#shared/domain/ids';
import { can } from '#shared/domain/permissions';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { runLocalChange } from '../../../sync/run-change.ts';
import { type Watched, earliestWatch, regressionFlags, watchedEscalations, worthChecking } from './watch-window.ts';

/** Enough neighbours to find the fixed tickets among them. */
const MATCHES = 10;

/**
 * Regression watch on this device: a ticket created after a fixed
 * escalation's fix (within the last 24 h) is compared once with the tickets
 * this device holds, through the search worker's similarity index, and a
 * strong match with the fixed tickets is flagged on the escalation
 * (flagRegression; several devices may flag, the first one stands).
 *
 * Cheap by construction: nothing runs while no escalation is fixed; a scan
 * reads only tickets updated since the earliest watch (an indexed range),
 * once when the index is ready or the fixed set changes; after that only the
 * tickets the query layer reports changed are looked at, each at most once.
 * Mount once per console.
 */
export function useRegressionWatch(): void {
  const { db, user, query } = useWorkspace();
  const search = useSyncExternalStore(
    (onChange) => query.onSearch(onChange),
    () => query.search,
  );
  const [indexReady, setIndexReady] = useState(false);
  const fixed = useLiveQuery(() => db.rows('escalation').where('status').equals('fixed').toArray(), [db]);
  // The watch restarts (and rescans) only when the fixed set changes, not on every edit of some packet.
  const fixedKey = fixed?.map((escalation) => `${escalation.id}@${escalation.resolution?.at}`).join(',');
  const latestFixed = useRef(fixed);
  useEffect(() => {
    latestFixed.current = fixed;
  }, [fixed]);
  const checked = useRef(new Set<string>());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const allowed = can(user.role, 'escalations.create');

  // The similarity index answers from what it has indexed: a check before the build ends could miss.
  useEffect(() => {
    if (!search) return;
    const update = () => setIndexReady(search.progress?.complete === true);
    update();
    return search.onProgress(update);
  }, [search]);

  useEffect(() => {
    if (!allowed || !search || !indexReady || fixedKey === undefined) return;
    let stopped = false;
    // The newest rows (their regressions so far), read when a ticket is checked.
    const watched = (): Watched[] => watchedEscalations(latestFixed.current ?? [], Date.now());

    // One ticket at a time, in arrival order: a burst of new tickets never floods the worker.
    const check = (ids: readonly string[]) => {
      chain.current = chain.current.then(async () => {
        for (const id of ids) {
          if (stopped) return;
          const current = watched();
          const from = earliestWatch(current);
          // The query layer's record says when the ticket was created: older ones are not read at all.
          const known = query.index.get(id);
          if (from === null || (known && known.createdAt < from) || checked.current.has(id)) continue;
          const ticket = await db.rows('ticket').get(id);
          if (!ticket || !worthChecking(ticket, current, checked.current)) continue;
          const matches = await search
            .similarTickets(id as TicketId, MATCHES)
            .then((list) => list.map((match) => ({ ticketId: match.id, score: match.score })))
            .catch(() => null);
          // Only a complete index's answer settles a ticket: one asked during a rebuild (a full resync
          // empties the index) or a failed query is asked again at the next change or scan.
          if (matches === null || search.progress?.complete !== true) continue;
          checked.current.add(id);
          for (const { escalationId, regression } of regressionFlags(ticket, matches, current, Date.now())) {
            if (regression.matchedTicketId === undefined || regression.score === undefined) continue;
            await runLocalChange(db, user, 'flagRegression', {
              escalationId,
              ticketId: ticket.id,
              matchedTicketId: regression.matchedTicketId,
              score: regression.score,
            });
          }
        }
      });
    };

    const scan = async () => {
      const from = earliestWatch(watched());
      if (from === null) return;
      // A ticket's updatedAt is never before its createdAt: the indexed range holds every new one.
      const recent = await db.rows('ticket').where('updatedAt').aboveOrEqual(from).toArray();
      check(recent.filter((ticket) => ticket.createdAt >= from).map((ticket) => ticket.id));
    };

    void scan();
    const stop = query.onTicketsChanged((change) => {
      if (watched().length === 0) return;
      if (change.kind === 'all') void scan();
      else check(change.keys);
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [allowed, search, indexReady, fixedKey, db, user, query]);
}
