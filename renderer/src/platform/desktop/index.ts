import type { ShellApi } from '#shared/shell/contract';
import { formatQueueLocation, parseQueueLocation } from '../queue-location.ts';
import type { Platform } from '../shell-types.ts';

declare global {
  interface Window {
    /** Exposed by electron/preload; absent anywhere else. */
    readonly shiftdesk?: ShellApi;
  }
}

function desktopShell(): ShellApi {
  const shell = window.shiftdesk;
  if (!shell) throw new Error('The Shiftdesk desktop shell is missing: this build only runs inside the desktop app.');
  return shell;
}

export const platform: Platform = {
  shell: desktopShell(),
  // The desktop app loads from local files: it is always available offline.
  enableOfflineAppShell: async () => true,
  // The desktop app has no address bar: the location lives in the page's hash, so a reload keeps it;
  // links from outside come with a protocol handler later.
  ticketLinks: {
    opened: () => {
      const inner = new URL(window.location.hash.slice(1) || '/', 'app://shiftdesk');
      return parseQueueLocation(inner.pathname, inner.search);
    },
    show: (location) => window.history.replaceState(null, '', `#${formatQueueLocation(location)}`),
  },
};
