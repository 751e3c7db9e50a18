import { ESCALATION_STATUS_LABELS, type Escalation, SEVERITY_LABELS } from '#shared/domain/escalation';
import { describeImpact, describeReadyAge, describeSentAge } from '#shared/escalation/analyst-console';
import { useMembers } from '../../queue/members-context.tsx';

/** "SEV2 · Major", or a stand-in for a draft without one. */
export function severityLabel(packet: Pick<Escalation, 'severity'>): string {
  return packet.severity === null ? 'No severity' : SEVERITY_LABELS[packet.severity];
}

function SeverityBadge({ packet }: { packet: Escalation }) {
  return <span className={`severity-badge severity-badge--${packet.severity ?? 'none'}`}>{severityLabel(packet)}</span>;
}

/** One analyst-console row: how bad, what, how wide, how long, where it stands, with whom. */
export function AnalystRow({ packet, now }: { packet: Escalation; now: number }) {
  const members = useMembers();
  const analyst = packet.analystId === null ? 'Any analyst' : (members?.get(packet.analystId)?.name ?? 'An analyst');
  const regressions = packet.regressions.length;
  return (
    <>
      <span className="escalation-list__line">
        <SeverityBadge packet={packet} />
        <span className="escalation-list__summary">{packet.summary || 'Untitled packet'}</span>
        {regressions > 0 && (
          <span className="escalation-list__regressions">
            {regressions} {regressions === 1 ? 'regression' : 'regressions'}
          </span>
        )}
      </span>
      <span className="escalation-list__meta">
        {describeImpact(packet.impact)} · {describeSentAge(packet, now)} · {ESCALATION_STATUS_LABELS[packet.status]} ·{' '}
        {analyst}
      </span>
    </>
  );
}

/** One of my packets: what it is, where it stands, and how long it waited ready. */
export function MyPacketRow({ packet, now }: { packet: Escalation; now: number }) {
  return (
    <>
      <span className="escalation-list__line">
        <SeverityBadge packet={packet} />
        <span className="escalation-list__summary">{packet.summary || 'Untitled packet'}</span>
      </span>
      <span className="escalation-list__meta">
        {ESCALATION_STATUS_LABELS[packet.status]} · {describeReadyAge(packet, now)}
      </span>
    </>
  );
}
