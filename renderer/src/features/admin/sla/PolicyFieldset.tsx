import type { TicketPriority } from '#shared/domain/ticket';
import { SelectField } from '../../../ui/SelectField.tsx';
import { PRIORITY_LABELS } from '../../../ui/format.ts';
import { type PolicyDraft, type SlaProblems, TARGET_FIELDS, TARGET_LABELS } from './sla-form.ts';
import { TargetField } from './TargetField.tsx';

const SCHEDULES = [
  { value: 'business', label: 'Business hours (the calendar above)' },
  { value: 'always', label: 'Around the clock (24×7)' },
] as const;

interface PolicyFieldsetProps {
  priority: TicketPriority;
  value: PolicyDraft;
  onChange: (value: PolicyDraft) => void;
  problems: SlaProblems;
}

/** The targets for one priority and the schedule they count on. */
export function PolicyFieldset({ priority, value, onChange, problems }: PolicyFieldsetProps) {
  return (
    <fieldset className="sla-policy" data-sla-priority={priority}>
      <legend>{PRIORITY_LABELS[priority]}</legend>
      <SelectField
        label="Counts"
        value={value.schedule}
        options={SCHEDULES}
        onChange={(schedule) => onChange({ ...value, schedule })}
      />
      {TARGET_FIELDS.map((field) => (
        <TargetField
          key={field}
          label={TARGET_LABELS[field]}
          value={value.targets[field]}
          onChange={(target) => onChange({ ...value, targets: { ...value.targets, [field]: target } })}
          error={problems[`policies.${priority}.${field}`]}
        />
      ))}
    </fieldset>
  );
}
