import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Ticket } from '#shared/domain/ticket';
import type { SimilarTicket } from '#shared/similarity/similarity-index';
import { useWorkspace } from '../../app/workspace-context.tsx';

/** Suggestions shown: enough to spot the pattern, few enough to read at a glance. */
const SHOWN = 5;

export interface SimilarSuggestion {
  match: SimilarTicket;
  /** The ticket as this device holds it (absent if it left meanwhile). */
  ticket: Ticket | undefined;
}

/**
 * Tickets that look like this one, from the search worker (computed on this
 * device, so it works offline), with why they matched. Asked again when the
 * ticket's words change; undefined while the first answer is on its way.
 */
export function useSimilarTickets(ticket: Pick<Ticket, 'id' | 'subject' | 'body'>): SimilarSuggestion[] | undefined {
  const { db, query } = useWorkspace();
  const search = useSyncExternalStore(
    (onChange) => query.onSearch(onChange),
    () => query.search,
  );
  const [matches, setMatches] = useState<{ id: string; list: SimilarTicket[] } | null>(null);
  const { id, subject, body } = ticket;

  useEffect(() => {
    if (!search) return;
    let current = true;
    search
      .similarTickets(id, SHOWN)
      .then((list) => {
        if (current) setMatches({ id, list });
      })
      .catch(() => {
        if (current) setMatches({ id, list: [] });
      });
    return () => {
      current = false;
    };
  }, [search, id, subject, body]);

  const list = matches?.id === id ? matches.list : undefined;
  const key = list?.map((match) => match.id).join(',') ?? '';
  const rows = useLiveQuery(
    async () => (list ? db.rows('ticket').bulkGet(list.map((match) => match.id)) : undefined),
    // key stands for the list.
    [db, key],
  );
  if (!list || !rows) return undefined;
  return list.map((match, index) => ({ match, ticket: rows[index] }));
}
