import type { ShellApi } from '#shared/shell/contract';

/**
 * What each platform build provides: the shell contract, and a way to make the
 * app shell itself available offline. Resolved at build time (`@platform`),
 * never by a runtime check.
 */
export interface Platform {
  shell: ShellApi;
  /** Resolves true once the app will open without the server (web: service worker in control). */
  enableOfflineAppShell: () => Promise<boolean>;
  /** Links to one ticket (web: the address bar, `/tickets/tkt_…`); the desktop has none yet. */
  ticketLinks: TicketLinks;
}

export interface TicketLinks {
  /** The ticket the app was opened on, if any. */
  opened: () => string | null;
  /** Shows the open ticket's link (so it can be copied and shared). */
  show: (ticketId: string | null) => void;
}
