/** Where the agent is in the queue: what a reload restores and what a shared link opens. */
export interface QueueLocation {
  ticketId: string | null;
  viewId: string | null;
}

const TICKET_ID = /^tkt_[A-Za-z0-9_-]{1,80}$/;
// Built-in views (`builtin:open`) and saved views (`viw_…`).
const VIEW_ID = /^(builtin:[a-z]{1,30}|viw_[A-Za-z0-9_-]{1,80})$/;

/** Reads `/tickets/tkt_1?view=builtin:triage`; anything malformed is ignored rather than trusted. */
export function parseQueueLocation(pathname: string, search: string): QueueLocation {
  const ticket = /^\/tickets\/([^/]+)$/.exec(pathname)?.[1];
  const ticketId = ticket && TICKET_ID.test(decodeURIComponent(ticket)) ? decodeURIComponent(ticket) : null;
  const view = new URLSearchParams(search).get('view');
  return { ticketId, viewId: view && VIEW_ID.test(view) ? view : null };
}

/** The path and query for a location: `/tickets/tkt_1?view=builtin:triage`, or `/` for the default view. */
export function formatQueueLocation(location: QueueLocation): string {
  const path = location.ticketId ? `/tickets/${encodeURIComponent(location.ticketId)}` : '/';
  return location.viewId ? `${path}?view=${encodeURIComponent(location.viewId)}` : path;
}
