import type { QueueLocation } from './queue-location.ts';
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
  /** The ticket and view the app was opened on (a link, or a reload). */
  opened: () => QueueLocation;
  /** Shows where the agent is as a link (so a reload keeps it, and it can be copied and shared). */
  show: (location: QueueLocation) => void;
}
