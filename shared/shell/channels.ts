/**
 * IPC channel names of the desktop shell contract. Kept apart from the schemas
 * so the preload bundle stays a few lines with no dependencies.
 */
export const SHELL_METHODS = ['getAppInfo', 'loadSession', 'saveSession', 'clearSession', 'notify'] as const;
export type ShellMethod = (typeof SHELL_METHODS)[number];

export function shellChannel(method: ShellMethod): `shiftdesk:${ShellMethod}` {
  return `shiftdesk:${method}`;
}
