import type { LoginRequest } from '#shared/api/auth';
import type { AppInfo, ShellApi, StoredSession } from '#shared/shell/contract';
import { createApiClient } from '../sync/api-client.ts';

/** Signs in with the server and keeps the session in the shell (encrypted on the desktop). */
export async function signIn(shell: ShellApi, appInfo: AppInfo, credentials: LoginRequest): Promise<StoredSession> {
  const session = await createApiClient(appInfo.serverUrl, () => null).login(credentials);
  await shell.saveSession(session);
  return session;
}

/**
 * Forgets the session on this device and, when the server still honours it,
 * ends it there too (best effort: an unreachable server must not keep anyone
 * signed in locally). Returns what the agent should know if forgetting failed.
 */
export async function signOut(
  shell: ShellApi,
  appInfo: AppInfo,
  session: StoredSession,
  options: { endOnServer: boolean },
): Promise<string | null> {
  const problem = await shell.clearSession().then(
    () => null,
    (error: unknown) =>
      `This device could not forget the saved sign-in (${error instanceof Error ? error.message : String(error)}).`,
  );
  if (options.endOnServer) {
    await createApiClient(appInfo.serverUrl, () => session.token)
      .logout()
      .catch(() => undefined);
  }
  return problem;
}
