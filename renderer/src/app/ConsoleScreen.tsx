import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { AppInfo, ShellApi, StoredSession } from '#shared/shell/contract';
import { ShiftdeskDb, databaseName } from '../db/shiftdesk-db.ts';
import { MembersProvider } from '../features/queue/members-context.tsx';
import { QueueScreen } from '../features/queue/QueueScreen.tsx';
import { ConflictNotices } from '../features/sync/ConflictNotices.tsx';
import { FlashMessage } from '../features/sync/FlashMessage.tsx';
import { SignOutGuard } from '../features/sync/SignOutGuard.tsx';
import { SyncStatusBar } from '../features/sync/SyncStatusBar.tsx';
import { useUiStore } from '../state/ui-store.ts';
import { createApiClient } from '../sync/api-client.ts';
import { webLocksLeader } from '../sync/leader-election.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import type { TicketLinks } from '../platform/shell-types.ts';
import { AppHeader } from './AppHeader.tsx';
import { WorkspaceContext } from './workspace-context.tsx';

interface ConsoleScreenProps {
  appInfo: AppInfo;
  session: StoredSession;
  shell: ShellApi;
  ticketLinks: TicketLinks;
  offlineReady: boolean;
  onSignOut: () => void;
  onSessionEnded: () => void;
}

/** The signed-in console: opens this user's local database and keeps it in sync. */
export function ConsoleScreen({
  appInfo,
  session,
  shell,
  ticketLinks,
  offlineReady,
  onSignOut,
  onSessionEnded,
}: ConsoleScreenProps) {
  const { user, token } = session;
  const showFlash = useUiStore((s) => s.showFlash);
  const [signingOut, setSigningOut] = useState(false);
  // App gives each user's console its own key, so this database and engine belong to this user for good.
  const [db] = useState(() => new ShiftdeskDb(databaseName(user.workspaceId, user.id)));
  const [sync] = useState(
    () =>
      new SyncEngine({
        db,
        api: createApiClient(appInfo.serverUrl, () => token),
        actor: user,
        serverUrl: appInfo.serverUrl,
        token,
        leader: webLocksLeader(`shiftdesk-sync:${db.name}`),
        onNotice: (notice) => {
          showFlash(`${notice.title}: ${notice.body}`);
          void shell.notify({ title: notice.title, body: notice.body }).catch(() => undefined);
        },
      }),
  );

  // Reopenable on purpose: React's StrictMode unmounts and remounts once in development.
  useEffect(() => () => db.close({ disableAutoOpen: false }), [db]);
  useEffect(() => {
    void sync.start();
    return () => sync.stop();
  }, [sync]);
  // The server no longer accepts the session: back to the sign-in screen.
  const connection = useStore(sync.status, (s) => s.connection);
  useEffect(() => {
    if (connection === 'signed_out') onSessionEnded();
  }, [connection, onSessionEnded]);

  return (
    <WorkspaceContext.Provider value={{ db, user, sync, ticketLinks }}>
      <MembersProvider>
        <div className="app-frame">
          <AppHeader user={user} onSignOut={() => setSigningOut(true)} />
          <QueueScreen />
          <footer className="app-footer">
            <SyncStatusBar offlineReady={offlineReady} />
          </footer>
          <div className="notice-stack">
            <ConflictNotices />
            <FlashMessage />
          </div>
          {signingOut && <SignOutGuard onSignOut={onSignOut} onCancel={() => setSigningOut(false)} />}
        </div>
      </MembersProvider>
    </WorkspaceContext.Provider>
  );
}
