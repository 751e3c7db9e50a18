import { type AppInfo, type ShellApi, StoredSession } from '#shared/shell/contract';

const SESSION_KEY = 'shiftdesk.session';

/**
 * The shell contract in a plain browser. The session token lives in
 * localStorage: the browser's profile is the only safe place a web page has.
 */
export const webShell = {
  getAppInfo: async (): Promise<AppInfo> => ({
    name: 'Shiftdesk',
    version: __APP_VERSION__,
    shell: 'web',
    serverUrl: window.location.origin,
  }),
  loadSession: async () => {
    const raw = window.localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    try {
      const parsed = StoredSession.safeParse(JSON.parse(raw));
      if (parsed.success && parsed.data.expiresAt > Date.now()) return parsed.data;
    } catch {
      // Damaged entry: treated as signed out.
    }
    window.localStorage.removeItem(SESSION_KEY);
    return null;
  },
  saveSession: async (session) => {
    window.localStorage.setItem(SESSION_KEY, JSON.stringify(StoredSession.parse(session)));
  },
  clearSession: async () => {
    window.localStorage.removeItem(SESSION_KEY);
  },
  notify: async ({ title, body }) => {
    if ('Notification' in window && Notification.permission === 'granted') new Notification(title, { body });
  },
} satisfies ShellApi;
