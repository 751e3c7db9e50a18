import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { MACRO_NAME_MAX, type Macro } from '#shared/domain/macro';
import { can } from '#shared/domain/permissions';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { RefusalNotice } from '../../ui/FailureNotice.tsx';
import type { FieldProblems } from '../../ui/field-problems.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.ts';
import { useAssigneeChoices } from '../shifts/use-assignee-choices.ts';
import { newMacroId, runMacroChange } from './apply-macro.ts';
import { MacroBodyField } from './MacroBodyField.tsx';
import { MacroChangesFields } from './MacroChangesFields.tsx';
import { type MacroForm, type MacroFormField, formFor, macroFromForm } from './macro-form.ts';
import { FormActions } from '../../ui/FormActions.tsx';

interface MacroEditorDialogProps {
  /** The macro to change; absent to create one. */
  macro?: Macro | undefined;
  onClose: () => void;
  /** After a save, with what to tell the agent. */
  onSaved: (message: string) => void;
}

/**
 * Creates or edits a macro. Saved on this device first (works offline) and
 * synced; a refusal by the rules (a name taken, a limit) keeps the dialog open.
 */
export function MacroEditorDialog({ macro, onClose, onSaved }: MacroEditorDialogProps) {
  const { db, user } = useWorkspace();
  const [form, setForm] = useState<MacroForm>(() => formFor(macro));
  const [problems, setProblems] = useState<FieldProblems<MacroFormField>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, problems);
  const kindName = useId();
  const visibilityName = useId();
  const mayShare = can(user.role, 'macros.manageShared');

  // Who is on shift, and until when, first: a macro run tonight hands to someone who is here.
  const choices = useAssigneeChoices();
  const teammates = useMemo(() => {
    const list: { value: string; label: string }[] = choices.map(({ value, label }) => ({ value, label }));
    // A teammate who has since left stays choosable as it is, so opening the editor changes nothing by itself.
    const assignee = form.assignee;
    if (assignee && assignee !== 'me' && assignee !== 'nobody' && !list.some((option) => option.value === assignee)) {
      list.push({ value: assignee, label: assignee === user.id ? 'Me, always' : 'Someone no longer on the team' });
    }
    return list;
  }, [choices, user.id, form.assignee]);

  const change = (patch: Partial<MacroForm>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const checked = macroFromForm(form);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    const refused = macro
      ? await runMacroChange(db, user, 'updateMacro', { macroId: macro.id, ...checked.fields })
      : await runMacroChange(db, user, 'createMacro', { macroId: newMacroId(), ...checked.fields });
    setBusy(false);
    if (refused) {
      setRefusal(refused);
      return;
    }
    onSaved(`“${checked.fields.name}” ${macro ? 'saved' : 'created'}.`);
  };

  return (
    <Dialog title={macro ? `Edit macro “${macro.name}”` : 'New macro'} onClose={onClose} testId="macro-editor">
      <form ref={formRef} className="form macro-editor" onSubmit={(event) => void submit(event)} noValidate>
        <div className="macro-editor__main">
          <TextField
            label="Name"
            autoComplete="off"
            required
            maxLength={MACRO_NAME_MAX}
            data-autofocus
            value={form.name}
            onChange={(name) => change({ name })}
            hint="What agents type to find it in the picker"
            error={problems.name}
          />
          <fieldset className="field-group">
            <legend>It writes</legend>
            <label className="choice">
              <input
                type="radio"
                name={kindName}
                checked={form.messageKind === 'reply'}
                onChange={() => change({ messageKind: 'reply' })}
              />
              A reply to the customer
            </label>
            <label className="choice">
              <input
                type="radio"
                name={kindName}
                checked={form.messageKind === 'note'}
                onChange={() => change({ messageKind: 'note' })}
              />
              An internal note (never sent to the customer)
            </label>
          </fieldset>
          <MacroBodyField
            value={form.body}
            onChange={(body) => change({ body })}
            error={problems.body}
            agentName={user.name}
          />
        </div>
        <div className="macro-editor__side">
          <MacroChangesFields form={form} onChange={change} problems={problems} teammates={teammates} />
          <fieldset className="field-group">
            <legend>Who can use it</legend>
            <label className="choice">
              <input
                type="radio"
                name={visibilityName}
                checked={form.visibility === 'personal'}
                onChange={() => change({ visibility: 'personal' })}
              />
              Only me
            </label>
            {mayShare ? (
              <label className="choice">
                <input
                  type="radio"
                  name={visibilityName}
                  checked={form.visibility === 'shared'}
                  onChange={() => change({ visibility: 'shared' })}
                />
                The whole team (leads and admins can change it)
              </label>
            ) : (
              <small className="field__hint">Team macros are made by leads and admins: ask one to share yours.</small>
            )}
          </fieldset>
        </div>
        {refusal && <RefusalNotice message={refusal} />}
        <FormActions
          className="macro-editor__actions"
          submitLabel={macro ? 'Save changes' : 'Create macro'}
          busy={busy}
          secondary={{ label: 'Cancel', onClick: onClose }}
        />
      </form>
    </Dialog>
  );
}
