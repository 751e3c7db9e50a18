import { HANDOVER_SEVERITIES, HANDOVER_SEVERITY_LABELS, type HandoverSeverity } from '#shared/domain/handover';
import { FieldNotes } from '../../ui/FieldNotes.tsx';
import { useFieldIds } from '../../ui/field-description.ts';
import { TextField } from '../../ui/TextField.tsx';
import { TextAreaField } from '../escalations/console/TextAreaField.tsx';
import { type ActionDraft, type ItemDraft, type ItemProblems, newActionDraft } from './item-draft.ts';

const SEVERITY_HINTS: Readonly<Record<HandoverSeverity, string>> = {
  stable: 'nothing expected to change',
  watch: 'could go wrong; keep an eye on it',
  unstable: 'likely to bite the next shift (the receiver reads it back)',
};

interface ItemFieldsFormProps {
  draft: ItemDraft;
  problems: ItemProblems;
  onChange: (draft: ItemDraft) => void;
}

/** The I-PASS fields of one handover item: severity, summary, actions, situation awareness, contingency. */
export function ItemFieldsForm({ draft, problems, onChange }: ItemFieldsFormProps) {
  const set = (changes: Partial<ItemDraft>) => onChange({ ...draft, ...changes });
  const setAction = (id: string, changes: Partial<ActionDraft>) =>
    set({ actions: draft.actions.map((action) => (action.id === id ? { ...action, ...changes } : action)) });
  return (
    <>
      <fieldset className="field-group handover-severity">
        <legend>Severity</legend>
        {HANDOVER_SEVERITIES.map((severity) => (
          <label key={severity} className="choice">
            <input
              type="radio"
              name="handover-severity"
              value={severity}
              checked={draft.severity === severity}
              onChange={() => set({ severity })}
            />
            <span>
              <span className={`handover-severity__tag handover-severity__tag--${severity}`}>
                {HANDOVER_SEVERITY_LABELS[severity]}
              </span>{' '}
              <span className="field__hint">{SEVERITY_HINTS[severity]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextField
        label="Summary"
        value={draft.summary}
        onChange={(summary) => set({ summary })}
        maxLength={200}
        hint="One line: what the next shift must know."
        error={problems.summary}
        data-autofocus
      />
      <fieldset className="field-group">
        <legend>Actions</legend>
        {draft.actions.map((action, index) => (
          <ActionRow
            key={action.id}
            action={action}
            number={index + 1}
            error={problems[`action:${action.id}`]}
            onChange={(changes) => setAction(action.id, changes)}
            onRemove={() => set({ actions: draft.actions.filter((other) => other.id !== action.id) })}
          />
        ))}
        {problems.actions && <small className="field__error">{problems.actions}</small>}
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            onClick={() => set({ actions: [...draft.actions, newActionDraft()] })}
            disabled={draft.actions.length >= 20}
          >
            Add an action
          </button>
        </div>
      </fieldset>
      <TextAreaField
        label="Situation awareness"
        value={draft.awareness}
        onChange={(awareness) => set({ awareness })}
        maxLength={2_000}
        hint="What is going on around it: who is involved, what has been tried."
        error={problems.awareness}
      />
      <TextAreaField
        label="Contingency"
        value={draft.contingency}
        onChange={(contingency) => set({ contingency })}
        maxLength={1_000}
        rows={2}
        hint="If X then Y: “If the customer calls again, offer the refund.”"
        error={problems.contingency}
      />
    </>
  );
}

interface ActionRowProps {
  action: ActionDraft;
  number: number;
  error: string | undefined;
  onChange: (changes: Partial<ActionDraft>) => void;
  onRemove: () => void;
}

function ActionRow({ action, number, error, onChange, onRemove }: ActionRowProps) {
  const { fieldId, hintId, errorId, describedBy } = useFieldIds(undefined, error);
  return (
    <div className="handover-action-row">
      <label htmlFor={fieldId} className="visually-hidden">
        Action {number}
      </label>
      <input
        id={fieldId}
        value={action.text}
        maxLength={300}
        placeholder="What to do"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange({ text: event.target.value })}
      />
      <label className="handover-action-row__due">
        <span className="visually-hidden">Action {number} due</span>
        <input type="datetime-local" value={action.due} onChange={(event) => onChange({ due: event.target.value })} />
      </label>
      <button type="button" className="button button--small button--quiet" onClick={onRemove}>
        <span aria-hidden="true">✕</span>
        <span className="visually-hidden">Remove action {number}</span>
      </button>
      <FieldNotes hintId={hintId} errorId={errorId} error={error} />
    </div>
  );
}
