import type { AppInfo, ShellHandlers, ShellNotification } from '#shared/shell/contract';
import type { SessionVault } from './session-vault.ts';

/** The main-process side of the shell contract; Electron specifics are injected. */
export function createShellHandlers(deps: {
  appInfo: AppInfo;
  vault: SessionVault;
  showNotification: (notification: ShellNotification) => void;
}): ShellHandlers {
  return {
    getAppInfo: () => deps.appInfo,
    loadSession: () => deps.vault.load(),
    saveSession: (session) => deps.vault.save(session),
    clearSession: () => deps.vault.clear(),
    notify: (notification) => deps.showNotification(notification),
  };
}
