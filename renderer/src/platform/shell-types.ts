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
}
