import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ViewSnapshot } from '#shared/query/query-index';
import type { QueryRecord } from '#shared/query/query-record';
import { arraySnapshot } from './array-snapshot.ts';
import { isSearchSuperseded } from './search/search-client.ts';
import type { SearchHit } from './search/search-protocol.ts';
import { useQueryLayer, useQueryLoadStatus } from './use-live-view.ts';

/** Results shown for one search: ranked best first. */
const RESULT_LIMIT = 500;
/** Highlighted words: those the best results matched on. */
const HIGHLIGHT_TERMS = 24;
/** While the index is still building (or tickets change), results are refreshed at most this often. */
const REFRESH_MS = 400;

export interface TicketSearchResults {
  /** The text these results answer. */
  text: string;
  list: ViewSnapshot;
  terms: readonly string[];
  /** False while the search index or the query layer is still loading: results so far. */
  complete: boolean;
  /** Set when the search could not run; the list is then empty. */
  failure: string | null;
}

/**
 * Ranked full-text results for the search box, from the search worker; null
 * when there is no search. Results follow the text as the agent types (the
 * latest search wins) and refresh as the index fills in and tickets change.
 */
export function useTicketSearch(text: string): TicketSearchResults | null {
  const query = useQueryLayer();
  const status = useQueryLoadStatus();
  const search = useSyncExternalStore(
    (onChange) => query.onSearch(onChange),
    () => query.search,
  );
  const trimmed = text.trim();
  const [answer, setAnswer] = useState<{
    text: string;
    hits: SearchHit[];
    complete: boolean;
    failure: string | null;
  } | null>(null);
  const [tick, setTick] = useState(0);

  // Re-ask while the index builds and when tickets change, at most every REFRESH_MS.
  useEffect(() => {
    if (!search || !trimmed) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setTick((n) => n + 1);
      }, REFRESH_MS);
    };
    const stopProgress = search.onProgress(later);
    const stopChanges = query.onTicketsChanged(later);
    return () => {
      stopProgress();
      stopChanges();
      if (timer) clearTimeout(timer);
    };
  }, [search, query, trimmed]);

  useEffect(() => {
    if (!search || !trimmed) return;
    let current = true;
    search.search(trimmed, RESULT_LIMIT).then(
      (result) => current && setAnswer({ text: trimmed, hits: result.hits, complete: result.complete, failure: null }),
      (error: unknown) => {
        if (!current || isSearchSuperseded(error)) return;
        const message = error instanceof Error ? error.message : String(error);
        setAnswer({ text: trimmed, hits: [], complete: true, failure: message });
      },
    );
    return () => {
      current = false;
    };
  }, [search, trimmed, tick]);

  const ready = status.phase === 'ready';
  return useMemo(() => {
    if (!trimmed) return null;
    const shown = answer?.text === trimmed ? answer : null;
    const records: QueryRecord[] = [];
    for (const hit of shown?.hits ?? []) {
      const record = query.index.get(hit.id);
      if (record) records.push(record);
    }
    const terms = [...new Set((shown?.hits ?? []).slice(0, 20).flatMap((hit) => hit.terms))].slice(0, HIGHLIGHT_TERMS);
    return {
      text: trimmed,
      list: arraySnapshot(`search:${trimmed}`, records, tick),
      terms,
      complete: shown !== null && shown.complete && ready,
      failure: shown?.failure ?? null,
    };
    // `ready`: records fill in from the query layer once it holds every ticket.
  }, [trimmed, answer, query, tick, ready]);
}
