import { useEffect, useState } from 'react';
import type { AppInfo, StoredSession } from '#shared/shell/contract';
import { ShiftdeskDb, databaseName } from '../db/shiftdesk-db.ts';
import { QueueScreen } from '../features/queue/QueueScreen.tsx';
import { FlashMessage } from '../features/sync/FlashMessage.tsx';
import { RejectionNotices } from '../features/sync/RejectionNotices.tsx';
import { SyncStatusBar } from '../features/sync/SyncStatusBar.tsx';
import { createApiClient } from '../sync/api-client.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { AppHeader } from './AppHeader.tsx';
import { WorkspaceContext } from './workspace-context.tsx';

interface ConsoleScreenProps {
  appInfo: AppInfo;
  session: StoredSession;
  offlineReady: boolean;
  onSignOut: () => void;
  onSessionEnded: () => void;
}

/** The signed-in console: opens this user's local database and keeps it in sync. */
export function ConsoleScreen({ appInfo, session, offlineReady, onSignOut, onSessionEnded }: ConsoleScreenProps) {
  const { user, token } = session;
  // App gives each user's console its own key, so this database belongs to this user for good.
  const [db] = useState(() => new ShiftdeskDb(databaseName(user.workspaceId, user.id)));
  // Reopenable on purpose: React's StrictMode unmounts and remounts once in development.
  useEffect(() => () => db.close({ disableAutoOpen: false }), [db]);

  useEffect(() => {
    const engine = new SyncEngine({
      db,
      api: createApiClient(appInfo.serverUrl, () => token),
      actor: user,
      serverUrl: appInfo.serverUrl,
      token,
      onSessionEnded,
    });
    void engine.start();
    return () => engine.stop();
  }, [db, appInfo.serverUrl, token, user, onSessionEnded]);

  return (
    <WorkspaceContext.Provider value={{ db, user }}>
      <div className="app-frame">
        <AppHeader user={user} onSignOut={onSignOut} />
        <QueueScreen />
        <footer className="app-footer">
          <SyncStatusBar offlineReady={offlineReady} />
        </footer>
        <div className="notice-stack">
          <RejectionNotices />
          <FlashMessage />
        </div>
      </div>
    </WorkspaceContext.Provider>
  );
}
