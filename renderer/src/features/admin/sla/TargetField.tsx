import { useId } from 'react';
import type { TargetDraft } from './sla-form.ts';

interface TargetFieldProps {
  /** "First response". */
  label: string;
  value: TargetDraft;
  onChange: (value: TargetDraft) => void;
  error?: string | undefined;
}

/** One SLA target: an amount in minutes or hours, or no target at all. */
export function TargetField({ label, value, onChange, error }: TargetFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field sla-target" data-sla-target={label}>
      <label htmlFor={`${id}-amount`}>{label}</label>
      <div className="sla-target__inputs">
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          value={value.amount}
          disabled={value.none}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
        />
        <select
          aria-label={`${label} unit`}
          value={value.unit}
          disabled={value.none}
          onChange={(event) => onChange({ ...value, unit: event.target.value as TargetDraft['unit'] })}
        >
          <option value="minutes">minutes</option>
          <option value="hours">hours</option>
        </select>
        <label className="sla-target__none">
          <input
            type="checkbox"
            checked={value.none}
            onChange={(event) => onChange({ ...value, none: event.target.checked })}
          />
          No target
        </label>
      </div>
      {error && (
        <small id={errorId} className="field__error">
          {error}
        </small>
      )}
    </div>
  );
}
