import { type FormEvent, useRef, useState } from 'react';
import { AUDIT_ACTIONS } from '#shared/api/audit';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useFocusFirstInvalid } from '../../../ui/use-focus-first-invalid.ts';
import type { FieldProblems } from '../../../ui/field-problems.ts';
import { AUDIT_ACTION_LABELS } from './audit-labels.ts';
import { type AuditFilterField, type AuditFilters, NO_AUDIT_FILTERS, auditQuery } from './audit-query.ts';

const ACTION_OPTIONS = [
  { value: '' as const, label: 'Any action' },
  ...AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })),
];

interface AuditFilterFormProps {
  /** People to filter by; empty while the user list loads (or if it could not be read). */
  users: readonly { id: string; name: string }[];
  onApply: (filters: AuditFilters) => void;
}

/** Filters are applied on submit, so half-typed dates never send requests. */
export function AuditFilterForm({ users, onApply }: AuditFilterFormProps) {
  const [draft, setDraft] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [problems, setProblems] = useState<FieldProblems<AuditFilterField>>({});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);
  const change = (patch: Partial<AuditFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const userOptions = [{ value: '', label: 'Anyone' }, ...users.map((user) => ({ value: user.id, label: user.name }))];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = auditQuery(draft);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    onApply(draft);
  };

  return (
    <form ref={form} className="audit-filters" onSubmit={submit} noValidate aria-label="Audit log filters">
      <SelectField
        label="Action"
        value={draft.action}
        options={ACTION_OPTIONS}
        onChange={(action) => change({ action })}
      />
      <SelectField label="Who" value={draft.userId} options={userOptions} onChange={(userId) => change({ userId })} />
      <TextField
        label="From (your time zone)"
        type="date"
        value={draft.from}
        onChange={(from) => change({ from })}
        error={problems.from}
      />
      <TextField label="To" type="date" value={draft.to} onChange={(to) => change({ to })} error={problems.to} />
      <div className="audit-filters__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(NO_AUDIT_FILTERS);
            setProblems({});
            onApply(NO_AUDIT_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
