import type { ShellApi } from '#shared/shell/contract';
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
  // The desktop app has no address bar; links into it come with a protocol handler later.
  ticketLinks: { opened: () => null, show: () => undefined },
};
