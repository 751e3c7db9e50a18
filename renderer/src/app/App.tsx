import { useCallback, useEffect, useState } from 'react';
import type { LoginRequest } from '#shared/api/auth';
import type { AppInfo, StoredSession } from '#shared/shell/contract';
import type { Platform } from '../platform/shell-types.ts';
import { LoginScreen } from '../features/login/LoginScreen.tsx';
import { signIn, signOut } from './session.ts';
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

  const startSession = useCallback(
    async (appInfo: AppInfo, credentials: LoginRequest) => {
      const session = await signIn(shell, appInfo, credentials);
      setPhase({ kind: 'signed_in', appInfo, session });
    },
    [shell],
  );

  const endSession = useCallback(
    async (appInfo: AppInfo, session: StoredSession, notice: string | null) => {
      // A notice means the server already ended the session; otherwise the agent chose to sign out.
      const forgotten = await signOut(shell, appInfo, session, { endOnServer: notice === null });
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
    void endSession(
      phase.appInfo,
      phase.session,
      'Your session ended. Sign in again: changes saved on this device are kept and will sync.',
    );
  }, [phase, endSession]);

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
          signIn={(credentials) => startSession(phase.appInfo, credentials)}
        />
      );
    case 'signed_in':
      return (
        <ConsoleScreen
          key={`${phase.session.user.workspaceId}/${phase.session.user.id}`}
          appInfo={phase.appInfo}
          session={phase.session}
          shell={shell}
          ticketLinks={platform.ticketLinks}
          offlineReady={offlineReady}
          onSignOut={() => void endSession(phase.appInfo, phase.session, null)}
          onSessionEnded={sessionEnded}
        />
      );
  }
}
