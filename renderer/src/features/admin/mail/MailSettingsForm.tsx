import { type FormEvent, useRef, useState } from 'react';
import type { MailSettings } from '#shared/api/mail';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { type Failure, describeFailure } from '../../../http/failure.ts';
import { FailureNotice } from '../../../ui/FailureNotice.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useFocusFirstInvalid } from '../../../ui/use-focus-first-invalid.ts';
import { ConnectionTest, type ConnectionTestState } from './ConnectionTest.tsx';
import { MailServerFields } from './MailServerFields.tsx';
import {
  type MailDirection,
  type MailDraft,
  type MailProblems,
  type ServerDraft,
  draftOf,
  mailRequest,
  testRequest,
  withPreset,
} from './mail-form.ts';
import { MAIL_PRESETS, type MailPresetId, presetMatching } from './mail-presets.ts';

const PRESET_OPTIONS = MAIL_PRESETS.map((preset) => ({ value: preset.id, label: preset.label }));
const IDLE: Record<MailDirection, ConnectionTestState> = { imap: { kind: 'idle' }, smtp: { kind: 'idle' } };

interface MailSettingsFormProps {
  initial: MailSettings;
  /** The saved settings, as the server answered: the tab shows them (and remounts this form with them). */
  onSaved: (settings: MailSettings) => void;
  /** Any edit makes an earlier "Saved" out of date. */
  onEdit: () => void;
}

/**
 * The team mailbox (IMAP, where customer mail arrives) and the relay (SMTP,
 * how replies leave). Each section can be tried before saving. Read-only when
 * the server's environment sets them.
 */
export function MailSettingsForm({ initial, onSaved, onEdit }: MailSettingsFormProps) {
  const { api } = useWorkspace();
  const [draft, setDraft] = useState<MailDraft>(() => draftOf(initial));
  const [preset, setPreset] = useState<MailPresetId>(() =>
    presetMatching(initial.inbound.imap?.host ?? '', initial.outbound.smtp?.host ?? ''),
  );
  const [problems, setProblems] = useState<MailProblems>({});
  /** The problems stopped a save (not a test): say that nothing was saved. */
  const [saveRefused, setSaveRefused] = useState(false);
  const [tests, setTests] = useState(IDLE);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);
  const readOnly = initial.source === 'environment';

  const edit = (next: MailDraft, touched: readonly MailDirection[]) => {
    setDraft(next);
    // A test result describes the settings it tried; once they change it would mislead.
    setTests((current) => ({ ...current, ...Object.fromEntries(touched.map((one) => [one, { kind: 'idle' }])) }));
    onEdit();
  };
  const editInbound = (patch: Partial<MailDraft['inbound']>) =>
    edit({ ...draft, inbound: { ...draft.inbound, ...patch } }, ['imap']);
  const editOutbound = (patch: Partial<MailDraft['outbound']>) =>
    edit({ ...draft, outbound: { ...draft.outbound, ...patch } }, ['smtp']);
  const editServer = (direction: MailDirection) => (patch: Partial<ServerDraft>) =>
    direction === 'imap'
      ? editInbound({ server: { ...draft.inbound.server, ...patch } })
      : editOutbound({ server: { ...draft.outbound.server, ...patch } });

  const runTest = async (direction: MailDirection) => {
    const checked = testRequest(draft, direction);
    setSaveRefused(false);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setTests((current) => ({ ...current, [direction]: { kind: 'testing' } }));
    let outcome: ConnectionTestState;
    try {
      outcome = { kind: 'answered', result: await api.call('testMailConnection', { body: checked.value }) };
    } catch (error) {
      outcome = { kind: 'unavailable', failure: describeFailure(error) };
    }
    setTests((current) => ({ ...current, [direction]: outcome }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    setFailure(null);
    const checked = mailRequest(draft);
    setSaveRefused(!checked.ok);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      onSaved(await api.call('updateMailSettings', { body: checked.value }));
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  };

  const problemCount = Object.keys(problems).length;
  return (
    <form ref={form} className="form mail-form" onSubmit={(event) => void submit(event)} noValidate>
      {readOnly && (
        <p className="mail-form__environment" data-testid="mail-environment">
          Set by the server’s environment variables (SHIFTDESK_IMAP_*, SHIFTDESK_SMTP_*); change them there.
        </p>
      )}
      {/* Disabled as a whole when the environment decides: every field shows its value, none can change. */}
      <fieldset className="mail-form__fields" disabled={readOnly}>
        <SelectField
          label="Provider"
          value={preset}
          options={PRESET_OPTIONS}
          onChange={(id) => {
            setPreset(id);
            edit(withPreset(draft, id), id === 'other' ? [] : ['imap', 'smtp']);
          }}
          hint="Fills in the servers below; user names and passwords stay as typed."
        />
        <p className="mail-form__help">
          Use an app password where the provider requires one (Gmail, Microsoft 365 and Fastmail do when two-step
          sign-in is on): the account’s usual password is refused there.
        </p>
        <fieldset className="field-group mail-form__section">
          <legend>Receiving (IMAP)</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.inbound.enabled}
              onChange={(event) => editInbound({ enabled: event.target.checked })}
            />
            Turn customer email into tickets
          </label>
          <MailServerFields
            direction="imap"
            server={draft.inbound.server}
            onChange={editServer('imap')}
            problems={problems}
          />
          <div className="mail-form__row">
            <TextField
              label="Mailbox"
              value={draft.inbound.mailbox}
              onChange={(mailbox) => editInbound({ mailbox })}
              hint="The folder to watch: INBOX for most teams."
              error={problems.mailbox}
              autoComplete="off"
            />
            <TextField
              label="Check every (seconds)"
              inputMode="numeric"
              value={draft.inbound.pollSeconds}
              onChange={(pollSeconds) => editInbound({ pollSeconds })}
              hint="Only when the server cannot announce new mail itself (IMAP IDLE)."
              error={problems.pollSeconds}
              autoComplete="off"
            />
          </div>
          <ConnectionTest testId="imap-test-result" state={tests.imap} onTest={() => void runTest('imap')} />
        </fieldset>
        <fieldset className="field-group mail-form__section">
          <legend>Sending (SMTP)</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.outbound.enabled}
              onChange={(event) => editOutbound({ enabled: event.target.checked })}
            />
            Email replies to customers
          </label>
          <MailServerFields
            direction="smtp"
            server={draft.outbound.server}
            onChange={editServer('smtp')}
            problems={problems}
          />
          <div className="mail-form__row">
            <TextField
              label="From address"
              type="email"
              value={draft.outbound.fromEmail}
              onChange={(fromEmail) => editOutbound({ fromEmail })}
              hint="Customers see it and reply to it: the team mailbox above."
              error={problems.fromEmail}
              autoComplete="off"
            />
            <TextField
              label="From name"
              value={draft.outbound.fromName}
              onChange={(fromName) => editOutbound({ fromName })}
              hint="Such as “Acme Support”."
              error={problems.fromName}
              autoComplete="off"
            />
          </div>
          <ConnectionTest testId="smtp-test-result" state={tests.smtp} onTest={() => void runTest('smtp')} />
        </fieldset>
      </fieldset>
      {failure && <FailureNotice failure={failure} testId="mail-save-failure" />}
      {!readOnly && (
        <>
          <p role="status" className="admin-form__feedback" data-testid="mail-form-problems">
            {busy
              ? 'Saving…'
              : saveRefused && problemCount > 0
                ? `Nothing was saved: ${problemCount === 1 ? 'one field needs' : `${problemCount} fields need`} fixing.`
                : ''}
          </p>
          <FormActions
            submitLabel="Save email settings"
            busy={busy}
            secondary={{
              label: 'Undo changes',
              disabledWhileBusy: true,
              onClick: () => {
                setDraft(draftOf(initial));
                setPreset(presetMatching(initial.inbound.imap?.host ?? '', initial.outbound.smtp?.host ?? ''));
                setProblems({});
                setSaveRefused(false);
                setTests(IDLE);
                setFailure(null);
              },
            }}
          />
        </>
      )}
    </form>
  );
}
