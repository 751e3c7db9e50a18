import type { SessionUser } from '#shared/api/auth';

interface AppHeaderProps {
  user: SessionUser;
  onSignOut: () => void;
}

export function AppHeader({ user, onSignOut }: AppHeaderProps) {
  return (
    <header className="app-header">
      <span className="app-header__brand">Shiftdesk</span>
      <span className="app-header__user" data-testid="signed-in-user">
        {user.name} · {user.role}
      </span>
      <button type="button" className="button button--quiet" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
