import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, StoredSession } from '#shared/shell/contract';
import type { Platform } from '../platform/shell-types.ts';
import { LoginScreen } from '../features/login/LoginScreen.tsx';
import { createApiClient } from '../sync/api-client.ts';
import { ConsoleScreen } from './ConsoleScreen.tsx';

type Phase =
  | { kind: 'starting' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed_out'; appInfo: AppInfo; notice: string | null; email: string }
  | { kind: 'signed_in'; appInfo: AppInfo; session: StoredSession };

/**
 * Start-up and sign-in. A stored session opens the console straight away, with
 * or without the server: the queue is local, sync catches up when it can.
 */
export function App({ platform }: { platform: Platform }) {
  const { shell } = platform;
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [offlineReady, setOfflineReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [appInfo, session] = await Promise.all([shell.getAppInfo(), shell.loadSession()]);
        if (cancelled) return;
        setPhase(
          session ? { kind: 'signed_in', appInfo, session } : { kind: 'signed_out', appInfo, notice: null, email: '' },
        );
      } catch (error) {
        if (!cancelled) setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    void platform.enableOfflineAppShell().then((ready) => {
      if (!cancelled) setOfflineReady(ready);
      if (ready) document.documentElement.dataset.offlineReady = 'true';
    });
    return () => {
      cancelled = true;
    };
  }, [shell, platform]);

  const signIn = useCallback(
    async (appInfo: AppInfo, session: StoredSession) => {
      await shell.saveSession(session);
      setPhase({ kind: 'signed_in', appInfo, session });
    },
    [shell],
  );

  const signOut = useCallback(
    async (appInfo: AppInfo, session: StoredSession, notice: string | null) => {
      const forgotten = await shell.clearSession().then(
        () => null,
        (error: unknown) =>
          `This device could not forget the saved sign-in (${error instanceof Error ? error.message : String(error)}).`,
      );
      // Best effort: an unreachable server must not keep anyone signed in locally.
      if (notice === null)
        await createApiClient(appInfo.serverUrl, () => session.token)
          .logout()
          .catch(() => undefined);
      setPhase({
        kind: 'signed_out',
        appInfo,
        notice: [notice, forgotten].filter(Boolean).join(' ') || null,
        email: session.user.email,
      });
    },
    [shell],
  );

  const sessionEnded = useCallback(() => {
    if (phase.kind !== 'signed_in') return;
    void signOut(
      phase.appInfo,
      phase.session,
      'Your session ended. Sign in again: changes saved on this device are kept and will sync.',
    );
  }, [phase, signOut]);

  switch (phase.kind) {
    case 'starting':
      return <p className="splash">Opening Shiftdesk…</p>;
    case 'failed':
      return (
        <main className="splash" role="alert">
          <h1>Shiftdesk could not start</h1>
          <p>{phase.message}</p>
          <p>Reload the app. If this keeps happening, reinstall it or contact your administrator.</p>
        </main>
      );
    case 'signed_out':
      return (
        <LoginScreen
          appInfo={phase.appInfo}
          notice={phase.notice}
          initialEmail={phase.email}
          onSignedIn={(session) => signIn(phase.appInfo, session)}
        />
      );
    case 'signed_in':
      return (
        <ConsoleScreen
          key={`${phase.session.user.workspaceId}/${phase.session.user.id}`}
          appInfo={phase.appInfo}
          session={phase.session}
          offlineReady={offlineReady}
          onSignOut={() => void signOut(phase.appInfo, phase.session, null)}
          onSessionEnded={sessionEnded}
        />
      );
  }
}
