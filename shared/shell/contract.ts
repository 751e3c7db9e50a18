import { z } from 'zod';
import { LoginResponse } from '../api/auth.ts';
import type { ShellMethod } from './channels.ts';

/**
 * What the renderer may ask of the desktop shell, and nothing more. The Electron
 * preload exposes exactly these methods; web mode implements the same contract
 * with browser APIs. Arguments are validated again in the main process because a
 * compromised renderer does not respect types.
 */
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'web']),
  /** Where the team backend lives. Web mode: the page's own origin. */
  serverUrl: z.url(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The signed-in session the shell keeps between launches (encrypted at rest on the desktop). */
export const StoredSession = LoginResponse;
export type StoredSession = z.infer<typeof StoredSession>;

export const ShellNotification = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
});
export type ShellNotification = z.infer<typeof ShellNotification>;

export const shellContract = {
  getAppInfo: { args: z.tuple([]), result: AppInfo },
  loadSession: { args: z.tuple([]), result: StoredSession.nullable() },
  saveSession: { args: z.tuple([StoredSession]), result: z.void() },
  clearSession: { args: z.tuple([]), result: z.void() },
  notify: { args: z.tuple([ShellNotification]), result: z.void() },
} as const satisfies Record<ShellMethod, { args: z.ZodTuple; result: z.ZodType }>;

type Contract = typeof shellContract;

/** The API object the renderer sees as `window.shiftdesk` (desktop) or builds itself (web). */
export type ShellApi = {
  [M in ShellMethod]: (...args: z.input<Contract[M]['args']>) => Promise<z.output<Contract[M]['result']>>;
};

/** What the main process implements for each method, after arguments were validated. */
export type ShellHandlers = {
  [M in ShellMethod]: (
    ...args: z.output<Contract[M]['args']>
  ) => Promise<z.input<Contract[M]['result']>> | z.input<Contract[M]['result']>;
};
