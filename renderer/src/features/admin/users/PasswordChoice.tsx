import { useId } from 'react';
import { TextField } from '../../../ui/TextField.tsx';
import { PASSWORD_RULES, type PasswordMode } from './account-form.ts';

interface PasswordChoiceProps {
  mode: PasswordMode;
  password: string;
  onMode: (mode: PasswordMode) => void;
  onPassword: (password: string) => void;
  /** A problem to show beside the field: the rules, or the server's refusal. */
  error: string | null;
}

/** "Generate one" (shown once, after saving) or "Set one", with the rules beside the field. */
export function PasswordChoice({ mode, password, onMode, onPassword, error }: PasswordChoiceProps) {
  const name = useId();
  return (
    <fieldset className="field-group">
      <legend>Password</legend>
      <label className="choice">
        <input type="radio" name={name} checked={mode === 'generate'} onChange={() => onMode('generate')} />
        Generate one (shown once, for you to pass on)
      </label>
      <label className="choice">
        <input type="radio" name={name} checked={mode === 'set'} onChange={() => onMode('set')} />
        Set one
      </label>
      {mode === 'set' && (
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={onPassword}
          hint={PASSWORD_RULES}
          error={error}
        />
      )}
      {mode === 'generate' && error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
