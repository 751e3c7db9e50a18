import { can } from '#shared/domain/permissions';
import { PROBLEM_STATUS_LABELS } from '#shared/domain/problem';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { EscalateProblemButton } from '../escalations/ticket/EscalateProblemButton.tsx';
import { AddToHandoverButton } from '../handover/AddToHandoverButton.tsx';
import { problemSubject } from '../handover/subject-label.ts';
import { runLocalChange } from '../../sync/run-change.ts';
import { useProblemDialogStore } from './problem-dialog-store.ts';
import { useProblem } from './use-problems.ts';

/**
 * The problem this ticket is a report of: how big it is (tickets, customers
 * hit), or a way to link one. Agent-written titles are plain text.
 */
export function TicketProblem({ ticket }: { ticket: Ticket }) {
  const { db, user } = useWorkspace();
  const problem = useProblem(ticket.problemId);
  const openDialog = useProblemDialogStore((s) => s.open);
  const showFlash = useUiStore((s) => s.showFlash);
  const mayLink = can(user.role, 'problems.manage') && !ticket.mergedInto;

  return (
    <section className="ticket-panel__section" aria-labelledby="ticket-panel-problem" data-testid="ticket-problem">
      <h3 id="ticket-panel-problem">Problem</h3>
      {ticket.problemId === undefined ? (
        <p className="ticket-panel__quiet">Not linked to a problem.</p>
      ) : problem ? (
        <p data-testid="problem-summary">
          <strong>{problem.title}</strong> · {PROBLEM_STATUS_LABELS[problem.status]} ·{' '}
          {problem.ticketCount.toLocaleString()} {problem.ticketCount === 1 ? 'ticket' : 'tickets'},{' '}
          {problem.affectedCustomers.toLocaleString()} {problem.affectedCustomers === 1 ? 'customer' : 'customers'}{' '}
          affected
        </p>
      ) : (
        <p className="ticket-panel__quiet">Linked to a problem that is not on this device yet.</p>
      )}
      {problem && (
        <div className="button-row">
          <AddToHandoverButton subject={problemSubject(problem)} label="Add the problem to handover…" />
        </div>
      )}
      {mayLink && (
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            aria-keyshortcuts="Shift+P"
            onClick={() => openDialog({ ticketIds: [ticket.id], suggestedTitle: ticket.subject })}
          >
            <kbd>⇧P</kbd> {ticket.problemId === undefined ? 'Link to a problem…' : 'Move to another problem…'}
          </button>
          {ticket.problemId !== undefined && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() =>
                void runLocalChange(db, user, 'unlinkFromProblem', { ticketId: ticket.id }, 'The unlink').then(
                  (refusal) => showFlash(refusal ?? 'Unlinked from the problem.'),
                )
              }
            >
              Unlink
            </button>
          )}
          <EscalateProblemButton ticket={ticket} />
        </div>
      )}
    </section>
  );
}
