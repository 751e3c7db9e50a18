import { ESCALATION_STATUS_LABELS, type Escalation } from '#shared/domain/escalation';
import { can } from '#shared/domain/permissions';
import { describeImpact, describeSentAge } from '#shared/escalation/analyst-console';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { formatTimestamp } from '../../../ui/format.ts';
import { AddToHandoverButton } from '../../handover/AddToHandoverButton.tsx';
import { escalationSubject } from '../../handover/subject-label.ts';
import { useMembers } from '../../queue/members-context.tsx';
import { useEscalation } from '../use-escalations.ts';
import { AnalystPanel } from './AnalystPanel.tsx';
import { AuthorPanel } from './AuthorPanel.tsx';
import { EscalationLog } from './EscalationLog.tsx';
import { severityLabel } from './EscalationRows.tsx';
import { LinkedTickets } from './LinkedTickets.tsx';
import { EvidenceLink, PacketText } from './PacketText.tsx';
import { QuestionsSection } from './QuestionsSection.tsx';
import { RegressionsSection } from './RegressionsSection.tsx';
import { useEscalationTickets } from './use-escalation-tickets.ts';

/** The open packet, everything about it, and the moves the signed-in person has on it. */
export function EscalationDetail({ escalationId, now }: { escalationId: string | null; now: number }) {
  const packet = useEscalation(escalationId ?? undefined);
  if (!escalationId || !packet) {
    return (
      <section className="escalation-detail escalation-detail--empty" aria-label="Escalation">
        <p>{escalationId ? 'That escalation is not on this device.' : 'Pick an escalation to see it here.'}</p>
      </section>
    );
  }
  // Keyed by packet: half-typed answers and notes stay with the packet they were for.
  return <PacketDetail key={packet.id} packet={packet} now={now} />;
}

function PacketDetail({ packet, now }: { packet: Escalation; now: number }) {
  const { user } = useWorkspace();
  const members = useMembers();
  const tickets = useEscalationTickets(packet);
  const nameOf = (id: string) => (id === user.id ? 'you' : (members?.get(id)?.name ?? 'a teammate'));
  const works = can(user.role, 'escalations.work');
  return (
    <section
      className="escalation-detail"
      aria-labelledby="escalation-detail-heading"
      data-testid="escalation-detail"
      data-escalation-id={packet.id}
    >
      <h2 id="escalation-detail-heading" tabIndex={-1} className="escalation-detail__text">
        {packet.summary || 'Untitled packet'}
      </h2>
      <p className="escalation-detail__facts" data-testid="escalation-facts">
        <span>{severityLabel(packet)}</span> ·{' '}
        <span data-testid="escalation-status">{ESCALATION_STATUS_LABELS[packet.status]}</span> ·{' '}
        <span>{describeImpact(packet.impact)}</span> · <span>{describeSentAge(packet, now)}</span> ·{' '}
        <span>with {packet.analystId === null ? 'any analyst' : nameOf(packet.analystId)}</span> ·{' '}
        <span>written by {nameOf(packet.createdBy)}</span>
      </p>
      <div className="button-row">
        <AddToHandoverButton subject={escalationSubject(packet)} showKey />
      </div>
      {packet.externalRef && (
        <p>
          Engineering issue: <EvidenceLink url={packet.externalRef.url} />
        </p>
      )}
      {packet.resolution && (
        <section aria-labelledby="resolution-heading" className="escalation-detail__section">
          <h3 id="resolution-heading">
            {packet.resolution.outcome === 'fixed' ? 'Fixed' : 'Won’t fix'} · {formatTimestamp(packet.resolution.at)}
          </h3>
          <p className="escalation-detail__text" data-testid="escalation-resolution">
            {packet.resolution.note}
          </p>
          {packet.followUp && (
            <p>
              {nameOf(packet.followUp.by)} followed up on {packet.followUp.tickets} tickets,{' '}
              {formatTimestamp(packet.followUp.at)}.
            </p>
          )}
        </section>
      )}
      {works && <AnalystPanel packet={packet} />}
      <AuthorPanel packet={packet} />
      <QuestionsSection packet={packet} mayAnswer={packet.createdBy === user.id} />
      <RegressionsSection packet={packet} tickets={tickets} />
      <PacketText packet={packet} />
      <LinkedTickets packet={packet} tickets={tickets} />
      <EscalationLog packet={packet} />
    </section>
  );
}
