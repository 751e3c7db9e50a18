import { type FormEvent, useState } from 'react';
import type { AppInfo, StoredSession } from '#shared/shell/contract';
import { ApiError, NetworkError, createApiClient } from '../../sync/api-client.ts';

interface LoginScreenProps {
  appInfo: AppInfo;
  /** Why the agent is here again (e.g. the session ended), shown above the form. */
  notice: string | null;
  initialEmail: string;
  onSignedIn: (session: StoredSession) => void;
}

export function LoginScreen({ appInfo, notice, initialEmail, onSignedIn }: LoginScreenProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await createApiClient(appInfo.serverUrl, () => null).login({ email: email.trim(), password });
      onSignedIn(session);
    } catch (failure) {
      if (failure instanceof NetworkError) {
        setError(`${failure.message} Check that the server is running and reachable, then try again.`);
      } else if (failure instanceof ApiError) {
        setError(failure.message);
      } else {
        setError(`Sign-in failed unexpectedly: ${failure instanceof Error ? failure.message : String(failure)}`);
      }
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(event) => void submit(event)} aria-labelledby="login-heading">
        <h1 id="login-heading">Shiftdesk</h1>
        <p className="login__tagline">Sign in to your team’s shift queue.</p>
        {notice && (
          <p className="login__notice" role="status">
            {notice}
          </p>
        )}
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="login__error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="login__server">Server: {appInfo.serverUrl}</p>
      </form>
    </main>
  );
}
