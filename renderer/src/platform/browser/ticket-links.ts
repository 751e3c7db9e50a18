import { formatQueueLocation, parseQueueLocation } from '../queue-location.ts';
import type { TicketLinks } from '../shell-types.ts';

/** `/tickets/tkt_000123?view=builtin:triage` in the address bar: the server answers such paths with the app. */
export const browserTicketLinks: TicketLinks = {
  opened: () => parseQueueLocation(window.location.pathname, window.location.search),
  show: (location) => {
    const next = formatQueueLocation(location);
    if (window.location.pathname + window.location.search !== next) window.history.replaceState(null, '', next);
  },
};
