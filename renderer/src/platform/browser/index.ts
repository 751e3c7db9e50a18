import type { Platform } from '../shell-types.ts';
import { registerAppShellWorker } from './offline-app-shell.ts';
import { browserTicketLinks } from './ticket-links.ts';
import { webShell } from './web-shell.ts';

export const platform: Platform = {
  shell: webShell,
  enableOfflineAppShell: registerAppShellWorker,
  ticketLinks: browserTicketLinks,
};
