import { type FormEvent, useState } from 'react';
import type { LoginRequest } from '#shared/api/auth';
import type { AppInfo } from '#shared/shell/contract';
import { ApiError, NetworkError } from '../../sync/api-client.ts';
import { TextField } from '../../ui/TextField.tsx';

interface LoginScreenProps {
  appInfo: AppInfo;
  /** Why the agent is here again (e.g. the session ended), shown above the form. */
  notice: string | null;
  initialEmail: string;
  /** Signs in and opens the console; a rejection is shown as the reason sign-in failed. */
  signIn: (credentials: LoginRequest) => Promise<void>;
}

export function LoginScreen({ appInfo, notice, initialEmail, signIn }: LoginScreenProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ email: email.trim(), password });
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
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
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
