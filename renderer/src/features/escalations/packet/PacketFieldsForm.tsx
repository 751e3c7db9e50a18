import { ESCALATION_SEVERITIES, type EscalationSeverity, SEVERITY_LABELS } from '#shared/domain/escalation';
import type { PacketField } from '#shared/escalation/readiness';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { PacketTextArea } from './PacketTextArea.tsx';
import type { PacketEdits } from './use-packet-edits.ts';

type TextKey = 'stepsToReproduce' | 'expected' | 'actual' | 'environment' | 'tried';

/** The multi-line fields, in the order an analyst reads them, with their limits (PacketFields). */
const TEXT_FIELDS: readonly { key: TextKey; label: string; max: number; rows: number; hint?: string }[] = [
  {
    key: 'stepsToReproduce',
    label: 'Steps to reproduce',
    max: 5_000,
    rows: 4,
    hint: 'Or how it shows for customers, step by step.',
  },
  { key: 'expected', label: 'Expected', max: 2_000, rows: 2 },
  { key: 'actual', label: 'What happened instead', max: 2_000, rows: 2 },
  { key: 'environment', label: 'Environment', max: 1_000, rows: 2, hint: 'Version, platform, account or region.' },
  { key: 'tried', label: 'Already tried', max: 5_000, rows: 3, hint: 'What you ruled out, so nobody tries it again.' },
];

const NO_SEVERITY = '';

interface PacketFieldsFormProps {
  edits: PacketEdits;
  readOnly: boolean;
  missing: ReadonlySet<PacketField>;
  /** The field that gets the focus when the editor opens (the first one missing). */
  focus: PacketField | null;
}

/** Summary, severity and the written fields of a packet. */
export function PacketFieldsForm({ edits, readOnly, missing, focus }: PacketFieldsFormProps) {
  const { fields, set, flush } = edits;
  const save = () => void flush();
  return (
    <>
      <TextField
        label="Summary"
        value={fields.summary}
        onChange={(value) => set('summary', value)}
        onBlur={save}
        maxLength={200}
        readOnly={readOnly}
        hint="One line an analyst can act on: “Invoice PDFs export blank since 4.12”."
        data-autofocus={focus === 'summary' ? true : undefined}
        data-testid="packet-summary"
      />
      <SelectField<EscalationSeverity | typeof NO_SEVERITY>
        label="Severity"
        value={fields.severity ?? NO_SEVERITY}
        options={[
          { value: NO_SEVERITY, label: 'Choose…' },
          ...ESCALATION_SEVERITIES.map((severity) => ({ value: severity, label: SEVERITY_LABELS[severity] })),
        ]}
        onChange={(value) => set('severity', value === NO_SEVERITY ? null : value, 'now')}
        disabled={readOnly}
        hint="Suggested from the tickets’ priorities and the customers hit; SEV1 is always your call."
        data-autofocus={focus === 'severity' ? true : undefined}
        data-testid="packet-severity"
      />
      {TEXT_FIELDS.map(({ key, label, max, rows, hint }) => (
        <PacketTextArea
          key={key}
          label={label}
          value={fields[key]}
          onChange={(value) => set(key, value)}
          onBlur={save}
          maxLength={max}
          rows={rows}
          {...(hint === undefined ? {} : { hint })}
          readOnly={readOnly}
          missing={missing.has(key)}
          autoFocus={focus === key}
          testId={`packet-${key}`}
        />
      ))}
    </>
  );
}
