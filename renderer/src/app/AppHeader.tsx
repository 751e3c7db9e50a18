import type { SessionUser } from '#shared/api/auth';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { ShiftControl } from '../features/shifts/ShiftControl.tsx';
import { CONSOLE_SCREEN_LABELS, type ConsoleScreenId } from './console-screens.ts';

interface AppHeaderProps {
  user: SessionUser;
  /** The screens this role may open; the header offers nothing else. */
  screens: readonly ConsoleScreenId[];
  screen: ConsoleScreenId;
  onScreen: (screen: ConsoleScreenId) => void;
  onSignOut: () => void;
}

export function AppHeader({ user, screens, screen, onScreen, onSignOut }: AppHeaderProps) {
  return (
    <header className="app-header">
      <span className="app-header__brand">Shiftdesk</span>
      {screens.length > 1 && (
        <nav aria-label="Screens" className="app-header__nav">
          {screens.map((id) => (
            <button
              key={id}
              type="button"
              className="button button--quiet app-header__screen"
              aria-current={id === screen ? 'page' : undefined}
              onClick={() => onScreen(id)}
            >
              {CONSOLE_SCREEN_LABELS[id]}
            </button>
          ))}
        </nav>
      )}
      <span className="app-header__user" data-testid="signed-in-user">
        {user.name} · {user.role}
      </span>
      <ShiftControl />
      {/* Escalation news is for those who write or work packets (the screen tells who). */}
      {screens.includes('escalations') && <NotificationBell />}
      <button type="button" className="button button--quiet" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
