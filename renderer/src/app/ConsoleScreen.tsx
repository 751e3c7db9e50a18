import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { AppInfo, ShellApi, StoredSession } from '#shared/shell/contract';
import { ShiftdeskDb, databaseName } from '../db/shiftdesk-db.ts';
import { ActionsProvider } from '../features/actions/ActionsProvider.tsx';
import { AdminScreen } from '../features/admin/AdminScreen.tsx';
import { ShiftDashboard } from '../features/dashboard/ShiftDashboard.tsx';
import { useEscalationConsole } from '../features/escalations/console/console-store.ts';
import { EscalationsScreen } from '../features/escalations/console/EscalationsScreen.tsx';
import { EscalationDialogHost } from '../features/escalations/packet/EscalationDialogHost.tsx';
import { EscalationWatchers } from '../features/escalations/regression/EscalationWatchers.tsx';
import { HandoverDialogHost } from '../features/handover/HandoverDialogHost.tsx';
import { useHandoverDialogs } from '../features/handover/handover-dialogs-store.ts';
import { useHandoverScreen } from '../features/handover/handover-screen-store.ts';
import { HandoverScreenKeys } from '../features/handover/HandoverKeys.tsx';
import { HandoverScreen } from '../features/handover/HandoverScreen.tsx';
import { MacroKeys } from '../features/macros/MacroKeys.tsx';
import { MacrosScreen } from '../features/macros/MacrosScreen.tsx';
import { EscalationNotices } from '../features/notifications/EscalationNotices.tsx';
import { MembersProvider } from '../features/queue/members-context.tsx';
import { QueueScreen } from '../features/queue/QueueScreen.tsx';
import { BreachAlerts } from '../features/sla/BreachAlerts.tsx';
import { ConflictNotices } from '../features/sync/ConflictNotices.tsx';
import { FlashMessage } from '../features/sync/FlashMessage.tsx';
import { SignOutGuard } from '../features/sync/SignOutGuard.tsx';
import { SyncStatusBar } from '../features/sync/SyncStatusBar.tsx';
import { TeamScreen } from '../features/team/TeamScreen.tsx';
import { useUiStore } from '../state/ui-store.ts';
import { LocalQueryLayer } from '../query/local-query-layer.ts';
import { createSearchWorkerClient } from '../query/search/search-client.ts';
import { createApiClient } from '../sync/api-client.ts';
import { webLocksLeader } from '../sync/leader-election.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import type { TicketLinks } from '../platform/shell-types.ts';
import { AppHeader } from './AppHeader.tsx';
import { type ConsoleScreenId, consoleScreensFor } from './console-screens.ts';
import { useScreenRequest } from './screen-request.ts';
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
  // Which screen is open: local to this console, so the next person to sign in starts at the queue.
  const [screen, setScreen] = useState<ConsoleScreenId>('queue');
  const screens = consoleScreensFor(user.role);
  // Another part of the console asks for a screen (a notification's "Answer", a packet's ticket): show it.
  useEffect(
    () =>
      useScreenRequest.subscribe(({ requested }) => {
        if (requested === null) return;
        useScreenRequest.getState().taken();
        if (consoleScreensFor(user.role).includes(requested)) setScreen(requested);
      }),
    [user.role],
  );
  // The open packet and handover belong to this session: the next person to sign in here starts with none.
  useEffect(
    () => () => {
      useEscalationConsole.getState().reset();
      useHandoverScreen.getState().reset();
      useHandoverDialogs.getState().close();
    },
    [],
  );
  // One client for the session: the sync engine and the screens that read from the server share it.
  const [api] = useState(() => createApiClient(appInfo.serverUrl, () => token));
  // App gives each user's console its own key, so this database and engine belong to this user for good.
  const [db] = useState(() => new ShiftdeskDb(databaseName(user.workspaceId, user.id)));
  const [sync] = useState(
    () =>
      new SyncEngine({
        db,
        api,
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

  const [query] = useState(() => new LocalQueryLayer(db, user.id, () => createSearchWorkerClient(db.name)));
  useEffect(() => () => query.stop(), [query]);

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
    <WorkspaceContext.Provider value={{ db, user, sync, query, api, serverUrl: appInfo.serverUrl, ticketLinks }}>
      <MembersProvider>
        <ActionsProvider
          onActionError={(error, action) =>
            showFlash(`${action.title} failed: ${error instanceof Error ? error.message : String(error)}`)
          }
        >
          <div className="app-frame">
            <AppHeader
              user={user}
              screens={screens}
              screen={screen}
              onScreen={setScreen}
              onSignOut={() => setSigningOut(true)}
            />
            {/* Only the open screen is mounted: the queue's single-key shortcuts must not act from another. */}
            {screen === 'handover' && screens.includes('handover') ? (
              <HandoverScreen />
            ) : screen === 'escalations' && screens.includes('escalations') ? (
              <EscalationsScreen />
            ) : screen === 'dashboard' && screens.includes('dashboard') ? (
              <ShiftDashboard />
            ) : screen === 'admin' && screens.includes('admin') ? (
              <AdminScreen />
            ) : screen === 'team' && screens.includes('team') ? (
              <TeamScreen />
            ) : screen === 'macros' && screens.includes('macros') ? (
              <MacrosScreen />
            ) : (
              <QueueScreen />
            )}
            <MacroKeys
              onQueue={screen === 'queue'}
              onManage={screens.includes('macros') ? () => setScreen('macros') : undefined}
            />
            <footer className="app-footer">
              <SyncStatusBar offlineReady={offlineReady} />
              <BreachAlerts shell={shell} web={appInfo.shell === 'web'} />
            </footer>
            <div className="notice-stack">
              <EscalationNotices shell={shell} onEscalations={screen === 'escalations'} />
              <ConflictNotices />
              <FlashMessage />
            </div>
            {/* The packet editor and the follow-up open from the queue, the ticket panel and the escalations screen. */}
            <EscalationDialogHost />
            {/* "Add to handover" opens from the queue, a ticket's problem or customer, and the escalations screen. */}
            <HandoverDialogHost />
            <HandoverScreenKeys />
            <EscalationWatchers shell={shell} />
            {signingOut && <SignOutGuard onSignOut={onSignOut} onCancel={() => setSigningOut(false)} />}
          </div>
        </ActionsProvider>
      </MembersProvider>
    </WorkspaceContext.Provider>
  );
}
