import { can } from '#shared/domain/permissions';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useEscalate } from '../packet/use-escalate.ts';

/**
 * In the ticket's problem panel: hand the problem (with this ticket) to an
 * analyst. The packet counts every ticket of the problem in its impact.
 */
export function EscalateProblemButton({ ticket }: { ticket: Pick<Ticket, 'id' | 'problemId' | 'mergedInto'> }) {
  const { user } = useWorkspace();
  const escalate = useEscalate();
  if (ticket.problemId === undefined || ticket.mergedInto || !can(user.role, 'escalations.create')) return null;
  return (
    <button
      type="button"
      className="button button--small"
      data-testid="escalate-problem"
      onClick={() => escalate({ ticketIds: [ticket.id], problemId: ticket.problemId })}
    >
      Escalate the problem…
    </button>
  );
}
