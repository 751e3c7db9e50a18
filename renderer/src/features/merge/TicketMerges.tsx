import { can } from '#shared/domain/permissions';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { formatAge } from '../../ui/format.ts';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { unmergeTicket } from './merge-actions.ts';
import { useOpenMergedTicket } from './use-open-merged-ticket.ts';

const nameOf = (ref: { number?: number | undefined }) => (ref.number === undefined ? 'a ticket' : `#${ref.number}`);

/**
 * A merge, from either side: a duplicate says where it went (and can be taken
 * back out); the canonical ticket lists what was merged into it and whose it
 * was, since each of those requesters gets every reply.
 */
export function TicketMerges({ ticket, now }: { ticket: Ticket; now: number }) {
  const { db, user } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  const open = useOpenMergedTicket();
  const mayMerge = can(user.role, 'ticket.merge');
  const unmerge = (ticketId: string) =>
    void unmergeTicket(db, user, ticketId).then((refusal) =>
      showFlash(refusal ?? 'Taken back out of the merge: it stands on its own again.'),
    );

  if (ticket.mergedInto) {
    const into = ticket.mergedInto;
    return (
      <section
        className="ticket-panel__section merge-note"
        aria-labelledby="ticket-panel-merge"
        data-testid="merged-into"
      >
        <h3 id="ticket-panel-merge">Merged</h3>
        <p>
          Merged into {nameOf(into)} {formatAge(into.at, now)} ago. Its conversation and replies continue there, and
          reach this requester too.
        </p>
        <div className="button-row">
          <button type="button" className="button button--small" onClick={() => open(into.ticketId)}>
            Open {nameOf(into)}
          </button>
          {mayMerge && (
            <button
              type="button"
              className="button button--small"
              aria-keyshortcuts="Shift+U"
              onClick={() => unmerge(ticket.id)}
            >
              <kbd>⇧U</kbd> Unmerge
            </button>
          )}
        </div>
      </section>
    );
  }

  const merged = ticket.merged ?? [];
  if (merged.length === 0) return null;
  return (
    <section className="ticket-panel__section" aria-labelledby="ticket-panel-merged" data-testid="merged-tickets">
      <h3 id="ticket-panel-merged">Merged into this ticket ({merged.length.toLocaleString()})</h3>
      <p className="ticket-panel__quiet">Every reply goes to each of these requesters too, in their own thread.</p>
      <ul className="ticket-panel__others">
        {merged.map((entry) => (
          <li key={entry.ticketId} data-ticket-id={entry.ticketId}>
            <button type="button" className="ticket-panel__other" onClick={() => open(entry.ticketId)}>
              <span className="ticket-panel__other-subject">
                {entry.number !== undefined && <span className="ticket-panel__number">#{entry.number} </span>}
                <Isolated>{entry.subject}</Isolated>
              </span>
              <span className="ticket-panel__other-meta">
                <Isolated>{entry.requesterName}</Isolated> &lt;<Isolated>{entry.requesterEmail}</Isolated>&gt;
              </span>
            </button>
            {mayMerge && (
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Unmerge ${nameOf(entry)}`}
                onClick={() => unmerge(entry.ticketId)}
              >
                Unmerge
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
