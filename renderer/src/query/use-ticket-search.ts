import type { ViewSnapshot } from '#shared/query/query-index';

export interface TicketSearchResults {
  list: ViewSnapshot;
  terms: readonly string[];
  complete: boolean;
}

/** TEMPORARY: wired to the search worker next. */
export function useTicketSearch(text: string): TicketSearchResults | null {
  void text;
  return null;
}
