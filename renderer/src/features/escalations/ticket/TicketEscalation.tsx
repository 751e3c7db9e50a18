import { ESCALATION_STATUS_LABELS } from '#shared/domain/escalation';
import { can } from '#shared/domain/permissions';
import { authorMoves } from '#shared/escalation/analyst-console';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useUiStore } from '../../../state/ui-store.ts';
import { runLocalChange } from '../../../sync/run-change.ts';
import { formatTimestamp } from '../../../ui/format.ts';
import { useMemberName } from '../../queue/members-context.tsx';
import { useEscalationDialogs } from '../escalation-dialogs-store.ts';
import { isEditable } from '../packet/packet-edits.ts';
import { useEscalate } from '../packet/use-escalate.ts';
import { useEscalation, useEscalations } from '../use-escalations.ts';
import { describeRegression, regressionNotices } from './ticket-escalation-view.ts';

/**
 * In the ticket's side panel: the escalation this ticket was handed over in
 * (where it stands, who has it), and when a fix may not have held, the one
 * action that matters: reopen the escalation. Summaries are agent-written
 * plain text.
 */
export function TicketEscalation({ ticket }: { ticket: Ticket }) {
  const { db, user } = useWorkspace();
  const escalation = useEscalation(ticket.escalationId);
  // Every escalation is read (a team has a few dozen): a new ticket flagged as a look-alike is not linked to one.
  const escalations = useEscalations();
  const { openEditor, openFollowUp } = useEscalationDialogs.getState();
  const showFlash = useUiStore((s) => s.showFlash);
  const escalate = useEscalate();
  const analyst = useMemberName(escalation?.analystId ?? null);
  const mayEscalate = can(user.role, 'escalations.create') && !ticket.mergedInto;
  const notices = regressionNotices(ticket.id, [...(escalation ? [escalation] : []), ...(escalations ?? [])]);
  const where = ticket.number === undefined ? 'this ticket' : `#${ticket.number}`;

  const reopen = (escalationId: string) =>
    void runLocalChange(
      db,
      user,
      'reopenEscalation',
      { escalationId, reason: `Possible regression: ${where}` },
      'The reopening',
    ).then((refusal) => showFlash(refusal ?? 'Escalation reopened: it is back with the analyst, at the top.'));

  return (
    <section
      className="ticket-panel__section"
      aria-labelledby="ticket-panel-escalation"
      data-testid="ticket-escalation"
    >
      <h3 id="ticket-panel-escalation">Escalation</h3>
      {notices.map((notice) => (
        <div key={notice.escalation.id} className="ticket-escalation__regression" role="status">
          <p data-testid="ticket-regression">{describeRegression(notice, formatTimestamp)}</p>
          {mayEscalate && (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="reopen-escalation"
              onClick={() => reopen(notice.escalation.id)}
            >
              Reopen escalation
            </button>
          )}
        </div>
      ))}
      {ticket.escalationId === undefined ? (
        <p className="ticket-panel__quiet">Not escalated.</p>
      ) : escalation ? (
        <p data-testid="escalation-summary">
          Escalated: <strong>{escalation.summary.trim() || 'a draft packet'}</strong> ·{' '}
          {ESCALATION_STATUS_LABELS[escalation.status]} · {escalation.analystId === null ? 'any analyst' : analyst}
        </p>
      ) : (
        <p className="ticket-panel__quiet">Escalated in a packet that is not on this device yet.</p>
      )}
      <div className="button-row">
        {escalation && (
          <button type="button" className="button button--small" onClick={() => openEditor(escalation.id)}>
            {isEditable(escalation.status) && escalation.createdBy === user.id ? 'Edit packet' : 'Open packet'}
          </button>
        )}
        {escalation && authorMoves(escalation, user.id).includes('followUp') && (
          <button type="button" className="button button--small" onClick={() => openFollowUp(escalation.id)}>
            Follow up with the customers…
          </button>
        )}
        {mayEscalate && (!escalation || escalation.status === 'withdrawn') && (
          <button
            type="button"
            className="button button--small"
            aria-keyshortcuts="Shift+E"
            onClick={() => escalate({ ticketIds: [ticket.id] })}
          >
            <kbd>⇧E</kbd> Escalate…
          </button>
        )}
      </div>
    </section>
  );
}
