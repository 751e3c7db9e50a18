import { PRIORITY_LABELS, STATUS_LABELS } from '#shared/domain/labels';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '#shared/domain/ticket';
import { SelectField } from '../../ui/SelectField.tsx';
import type { FieldProblems } from '../../ui/field-problems.ts';
import { TextField } from '../../ui/TextField.tsx';
import type { MacroForm, MacroFormField } from './macro-form.ts';

interface MacroChangesFieldsProps {
  form: MacroForm;
  onChange: (patch: Partial<MacroForm>) => void;
  problems: FieldProblems<MacroFormField>;
  /** Teammates a macro can hand tickets to (everyone but the editor, who is "whoever uses it"). */
  teammates: readonly { value: string; label: string }[];
}

const LEAVE = 'Leave as it is';
// A macro never makes a ticket new again: that status is for tickets nobody has looked at.
const STATUS_CHOICES = TICKET_STATUSES.filter((status) => status !== 'new');

/** What the macro changes on the ticket when its message is sent (or at once, for a macro without text). */
export function MacroChangesFields({ form, onChange, problems, teammates }: MacroChangesFieldsProps) {
  return (
    <fieldset className="field-group macro-changes">
      <legend>Changes to the ticket</legend>
      <SelectField<TicketStatus | ''>
        label="Status"
        value={form.status}
        options={[
          { value: '', label: LEAVE },
          ...STATUS_CHOICES.map((value) => ({ value, label: STATUS_LABELS[value] })),
        ]}
        onChange={(status) => onChange({ status })}
      />
      <SelectField<TicketPriority | ''>
        label="Priority"
        value={form.priority}
        options={[
          { value: '', label: LEAVE },
          ...TICKET_PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] })),
        ]}
        onChange={(priority) => onChange({ priority })}
      />
      <TextField
        label="Add tags"
        hint="Separated by commas, e.g. outage, billing"
        autoComplete="off"
        value={form.addTags}
        onChange={(addTags) => onChange({ addTags })}
        error={problems.addTags}
      />
      <TextField
        label="Remove tags"
        hint="Separated by commas"
        autoComplete="off"
        value={form.removeTags}
        onChange={(removeTags) => onChange({ removeTags })}
        error={problems.removeTags}
      />
      <SelectField<string>
        label="Assign to"
        value={form.assignee}
        options={[
          { value: '', label: LEAVE },
          { value: 'me', label: 'Whoever uses the macro' },
          { value: 'nobody', label: 'Nobody (back to the queue)' },
          ...teammates,
        ]}
        onChange={(assignee) => onChange({ assignee })}
        error={problems.assignee}
      />
    </fieldset>
  );
}
