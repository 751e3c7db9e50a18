import type { MailSecurity } from '#shared/api/mail';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import type { MailDirection, MailProblems, ServerDraft } from './mail-form.ts';

const SECURITY_OPTIONS: readonly { value: MailSecurity; label: string }[] = [
  { value: 'tls', label: 'TLS' },
  { value: 'starttls', label: 'STARTTLS' },
  { value: 'none', label: 'none (test servers only)' },
];

interface MailServerFieldsProps {
  direction: MailDirection;
  server: ServerDraft;
  onChange: (patch: Partial<ServerDraft>) => void;
  problems: MailProblems;
}

/** Host, port, security and sign-in of one mail server. The password is write-only: typed to change it, never shown. */
export function MailServerFields({ direction, server, onChange, problems }: MailServerFieldsProps) {
  return (
    <>
      <div className="mail-form__row">
        <TextField
          label="Host"
          value={server.host}
          onChange={(host) => onChange({ host })}
          error={problems[`${direction}Host`]}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="Port"
          inputMode="numeric"
          className="mail-form__port"
          value={server.port}
          onChange={(port) => onChange({ port })}
          error={problems[`${direction}Port`]}
          autoComplete="off"
        />
        <SelectField
          label="Security"
          value={server.security}
          options={SECURITY_OPTIONS}
          onChange={(security) => onChange({ security })}
        />
      </div>
      <TextField
        label="User name"
        value={server.user}
        onChange={(user) => onChange({ user })}
        hint="Usually the mailbox’s address. Leave empty for a relay that needs no sign-in."
        error={problems[`${direction}User`]}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label="Password"
        type="password"
        value={server.password}
        onChange={(password) => onChange({ password })}
        placeholder={server.passwordSet ? 'saved — leave empty to keep' : undefined}
        error={problems[`${direction}Password`]}
        autoComplete="off"
      />
    </>
  );
}
