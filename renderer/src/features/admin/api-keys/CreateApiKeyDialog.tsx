import { type FormEvent, useId, useRef, useState } from 'react';
import { API_KEY_SCOPES, API_KEY_SCOPE_LABELS, type ApiKeySummary, type CreatedApiKey } from '#shared/api/api-keys';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { type Failure, describeFailure } from '../../../http/failure.ts';
import { CopyButton } from '../../../ui/CopyButton.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { FailureNotice } from '../../../ui/FailureNotice.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useFocusFirstInvalid } from '../../../ui/use-focus-first-invalid.ts';
import { OneTimeSecret } from '../OneTimeSecret.tsx';
import type { FieldProblems } from '../../../ui/field-problems.ts';
import { type ApiKeyDraft, type ApiKeyField, MAX_RATE_PER_MINUTE, apiKeyRequest } from './api-key-form.ts';
import { intakeCurlExample } from './intake-example.ts';
import { FormActions } from '../../../ui/FormActions.tsx';

interface CreateApiKeyDialogProps {
  onClose: () => void;
  onCreated: (key: ApiKeySummary) => void;
}

/** Creates a key for an integration; its secret is shown on the second step, once, with a working example. */
export function CreateApiKeyDialog({ onClose, onCreated }: CreateApiKeyDialogProps) {
  const { api, serverUrl } = useWorkspace();
  const scopesError = useId();
  const [draft, setDraft] = useState<ApiKeyDraft>({ name: '', scopes: ['intake'], ratePerMinute: '' });
  const [problems, setProblems] = useState<FieldProblems<ApiKeyField>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = apiKeyRequest(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const result = await api.call('createApiKey', { body: checked.request });
      setCreated(result);
      onCreated(result.key);
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    const example = intakeCurlExample(serverUrl, created.secret);
    return (
      <Dialog title="API key created" onClose={onClose} testId="create-api-key-dialog">
        <p role="status">The key “{created.key.name}” works from now on.</p>
        <OneTimeSecret
          label="API key secret"
          copyLabel="Copy the secret"
          secret={created.secret}
          testId="api-key-secret"
          autoFocus
        />
        {created.key.scopes.includes('intake') && (
          <section aria-labelledby="intake-example-heading">
            <h3 id="intake-example-heading">Try it: create a test ticket</h3>
            <pre className="code-block" data-testid="intake-example">
              <code>{example}</code>
            </pre>
            <CopyButton text={example} label="Copy the example" />
          </section>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  const toggleScope = (scope: (typeof API_KEY_SCOPES)[number], on: boolean) =>
    setDraft((current) => ({
      ...current,
      scopes: on ? [...current.scopes, scope] : current.scopes.filter((s) => s !== scope),
    }));

  return (
    <Dialog title="Create API key" onClose={onClose} testId="create-api-key-dialog">
      <form ref={form} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="Name"
          autoComplete="off"
          data-autofocus
          value={draft.name}
          onChange={(name) => setDraft((current) => ({ ...current, name }))}
          hint="Where the key is used, such as “Website contact form”."
          error={problems.name}
        />
        <fieldset className="field-group" aria-describedby={problems.scopes ? scopesError : undefined}>
          <legend>The key may</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="choice">
              <input
                type="checkbox"
                checked={draft.scopes.includes(scope)}
                aria-invalid={problems.scopes ? true : undefined}
                onChange={(event) => toggleScope(scope, event.target.checked)}
              />
              {API_KEY_SCOPE_LABELS[scope]}
            </label>
          ))}
          {problems.scopes && (
            <small id={scopesError} className="field__error">
              {problems.scopes}
            </small>
          )}
        </fieldset>
        <TextField
          label="Requests per minute (optional)"
          inputMode="numeric"
          value={draft.ratePerMinute}
          onChange={(ratePerMinute) => setDraft((current) => ({ ...current, ratePerMinute }))}
          hint={`Up to ${MAX_RATE_PER_MINUTE.toLocaleString()}; empty uses the server’s default.`}
          error={problems.ratePerMinute}
        />
        {failure && <FailureNotice failure={failure} />}
        {busy && <p role="status">Creating…</p>}
        <FormActions submitLabel="Create key" busy={busy} secondary={{ label: 'Cancel', onClick: onClose }} />
      </form>
    </Dialog>
  );
}
