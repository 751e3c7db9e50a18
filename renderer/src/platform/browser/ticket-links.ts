import type { TicketLinks } from '../shell-types.ts';

const TICKET_PATH = /^\/tickets\/(tkt_[A-Za-z0-9_-]{1,80})$/;

/** `/tickets/tkt_000123` in the address bar: the server answers such paths with the app. */
export const browserTicketLinks: TicketLinks = {
  opened: () => TICKET_PATH.exec(window.location.pathname)?.[1] ?? null,
  show: (ticketId) => {
    const path = ticketId ? `/tickets/${encodeURIComponent(ticketId)}` : '/';
    if (window.location.pathname !== path) window.history.replaceState(null, '', path);
  },
};
