import type { Escalation } from '#shared/domain/escalation';
import { authorMoves } from '#shared/escalation/analyst-console';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useEscalationDialogs } from '../escalation-dialogs-store.ts';

/**
 * The writer's moves on their packet: back to the editor while it is a draft
 * or waits on them, and once it is finished, one follow-up to every affected
 * customer. (Answers to questions are beside each question.)
 */
export function AuthorPanel({ packet }: { packet: Escalation }) {
  const { user } = useWorkspace();
  const moves = authorMoves(packet, user.id).filter((move) => move !== 'answer');
  if (moves.length === 0) return null;
  const customers = packet.impact.customers;
  return (
    <section aria-labelledby="author-moves-heading" className="escalation-detail__section">
      <h3 id="author-moves-heading">Your packet</h3>
      <div className="button-row">
        {moves.includes('edit') && (
          <button
            type="button"
            className="button"
            onClick={() => useEscalationDialogs.getState().openEditor(packet.id)}
          >
            Edit
          </button>
        )}
        {moves.includes('followUp') && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => useEscalationDialogs.getState().openFollowUp(packet.id)}
          >
            Follow up with all {customers} affected {customers === 1 ? 'customer' : 'customers'}
          </button>
        )}
      </div>
    </section>
  );
}
