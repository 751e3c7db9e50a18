import { HANDOVER_SEVERITY_LABELS, type HandoverSeverity } from '#shared/domain/handover';

export function SeverityTag({ severity }: { severity: HandoverSeverity }) {
  return (
    <span className={`handover-severity__tag handover-severity__tag--${severity}`} data-severity={severity}>
      {HANDOVER_SEVERITY_LABELS[severity]}
    </span>
  );
}
