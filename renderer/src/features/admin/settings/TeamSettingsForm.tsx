import { type FormEvent, useMemo, useRef, useState } from 'react';
import type { TeamSettings } from '#shared/api/team-settings';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { type Failure, describeFailure } from '../../../http/failure.ts';
import { FailureNotice } from '../../../ui/FailureNotice.tsx';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { formatTimestamp } from '../../../ui/format.ts';
import { useFocusFirstInvalid } from '../../../ui/use-focus-first-invalid.ts';
import type { FieldProblems } from '../../../ui/field-problems.ts';
import {
  MAX_SYNC_WINDOW_DAYS,
  type SettingsDraft,
  type SettingsField,
  draftOf,
  settingsPatch,
} from './settings-form.ts';
import { timeZoneOptions } from './time-zones.ts';
import { FormActions } from '../../../ui/FormActions.tsx';

type Feedback = { kind: 'saved'; at: number } | { kind: 'unchanged' } | null;

export function TeamSettingsForm({ initial }: { initial: TeamSettings }) {
  const { api } = useWorkspace();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const [problems, setProblems] = useState<FieldProblems<SettingsField>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);
  const zones = useMemo(
    () => timeZoneOptions(saved.timeZone).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
    [saved.timeZone],
  );
  const change = (patch: Partial<SettingsDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setFeedback(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = settingsPatch(saved, draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    if (!checked.patch) {
      setFeedback({ kind: 'unchanged' });
      return;
    }
    setBusy(true);
    try {
      const next = await api.call('updateSettings', { body: checked.patch });
      setSaved(next);
      setDraft(draftOf(next));
      setFeedback({ kind: 'saved', at: Date.now() });
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form admin-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="Team name"
        value={draft.name}
        onChange={(name) => change({ name })}
        error={problems.name}
        autoComplete="off"
      />
      <SelectField
        label="Time zone"
        value={draft.timeZone}
        options={zones}
        onChange={(timeZone) => change({ timeZone })}
        hint="Shift times, SLA business hours and reports follow this zone."
        error={problems.timeZone}
      />
      <TextField
        label="Sync window (days)"
        inputMode="numeric"
        value={draft.syncWindowDays}
        onChange={(syncWindowDays) => change({ syncWindowDays })}
        hint={`Devices keep every active ticket plus what changed in this many days (1 to ${MAX_SYNC_WINDOW_DAYS.toLocaleString()}). Longer means a longer first download; older tickets stay reachable under “Older tickets…”.`}
        error={problems.syncWindowDays}
      />
      {failure && <FailureNotice failure={failure} />}
      <p role="status" className="admin-form__feedback" data-testid="settings-feedback">
        {busy
          ? 'Saving…'
          : feedback?.kind === 'saved'
            ? `Saved at ${formatTimestamp(feedback.at)}. Devices pick up the new settings as they sync.`
            : feedback?.kind === 'unchanged'
              ? 'Nothing changed, so nothing was saved.'
              : ''}
      </p>
      <FormActions
        submitLabel="Save settings"
        busy={busy}
        secondary={{
          label: 'Undo changes',
          disabledWhileBusy: true,
          onClick: () => {
            setDraft(draftOf(saved));
            setProblems({});
            setFeedback(null);
          },
        }}
      />
    </form>
  );
}
