import { z } from 'zod';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT } from '#shared/api/routes';
import { presentEnv } from '#shared/util/env';

const ShellEnv = z.object({
  SHIFTDESK_SERVER_URL: z.url({ protocol: /^https?$/ }).default(`http://${DEFAULT_SERVER_HOST}:${DEFAULT_SERVER_PORT}`),
  /** Set by electron-vite in development: load the renderer from its dev server. */
  ELECTRON_RENDERER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A separate profile (local database, session); e2e tests give each test its own. */
  SHIFTDESK_PROFILE_DIR: z.string().min(1).optional(),
});

export interface ShellConfig {
  serverUrl: string;
  devRendererUrl: string | undefined;
  profileDir: string | undefined;
}

export function loadShellConfig(env: Record<string, string | undefined>): ShellConfig {
  const parsed = ShellEnv.safeParse(presentEnv(env));
  if (!parsed.success) {
    throw new Error(`Shiftdesk desktop configuration is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return {
    serverUrl: parsed.data.SHIFTDESK_SERVER_URL.replace(/\/+$/, ''),
    devRendererUrl: parsed.data.ELECTRON_RENDERER_URL,
    profileDir: parsed.data.SHIFTDESK_PROFILE_DIR,
  };
}

/** The HTTP and WebSocket sources the renderer's CSP must allow to reach the backend. */
export function backendConnectSources(serverUrl: string): string[] {
  const url = new URL(serverUrl);
  const socketProtocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${socketProtocol}//${url.host}`];
}
