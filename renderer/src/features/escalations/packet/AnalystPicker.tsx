import { useMemo } from 'react';
import { type AnalystLoad, analystWorkload } from '#shared/escalation/pacing';
import { SelectField } from '../../../ui/SelectField.tsx';
import { useMembers } from '../../queue/members-context.tsx';
import { useEscalations } from '../use-escalations.ts';
import { analystOptions, takesPackets } from './analyst-choice.ts';

/** Open packets per analyst (and sent to anyone), least loaded first; read live. */
export function useAnalystLoads(): readonly AnalystLoad[] {
  const members = useMembers();
  const escalations = useEscalations();
  return useMemo(() => {
    const analysts = [...(members?.values() ?? [])].filter((member) => takesPackets(member.role));
    return analystWorkload(
      escalations ?? [],
      analysts.map((member) => member.id),
    );
  }, [members, escalations]);
}

interface AnalystPickerProps {
  loads: readonly AnalystLoad[];
  value: string | null;
  onChange: (analystId: string | null) => void;
}

/** Who to send to, with each analyst's open packets, so the agent spreads the load. */
export function AnalystPicker({ loads, value, onChange }: AnalystPickerProps) {
  const members = useMembers();
  const options = analystOptions(loads, (id) => members?.get(id)?.name ?? 'A teammate');
  return (
    <SelectField
      label="Send to"
      value={value ?? ''}
      options={options}
      onChange={(next) => onChange(next === '' ? null : next)}
      hint="Open packets each analyst has now; the least loaded is suggested."
      data-testid="packet-analyst"
    />
  );
}
