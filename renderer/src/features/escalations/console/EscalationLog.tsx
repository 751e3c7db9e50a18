import type { Escalation } from '#shared/domain/escalation';
import { describeStep } from '#shared/escalation/notifications';
import { formatTimestamp } from '../../../ui/format.ts';
import { useMembers } from '../../queue/members-context.tsx';

/** What happened to the packet, oldest first, in words and with who did it. */
export function EscalationLog({ packet }: { packet: Escalation }) {
  const members = useMembers();
  const nameOf = (id: string | null) => (id === null ? 'Nobody on the team' : (members?.get(id)?.name ?? 'A teammate'));
  return (
    <section aria-labelledby="escalation-log-heading" className="escalation-detail__section">
      <h3 id="escalation-log-heading">Log</h3>
      <ol className="escalation-log" data-testid="escalation-log">
        {packet.log.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={new Date(entry.at).toISOString()}>{formatTimestamp(entry.at)}</time>{' '}
            <span className="escalation-detail__text">{describeStep(entry, nameOf(entry.by))}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
