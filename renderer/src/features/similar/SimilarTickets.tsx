import { STATUS_LABELS } from '#shared/domain/labels';
import { can } from '#shared/domain/permissions';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { mergeIntoTicket } from '../merge/merge-actions.ts';
import { useOpenTicket } from '../ticket-panel/use-open-ticket.ts';
import { useSimilarTickets } from './use-similar-tickets.ts';

/**
 * Tickets that look like this one, and why ("matched on: login, update,
 * 4.12"), so an agent can tell a duplicate from a coincidence, open it, or
 * merge it here in one click.
 */
export function SimilarTickets({ ticket }: { ticket: Ticket }) {
  const { db, user } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  const openTicket = useOpenTicket();
  const suggestions = useSimilarTickets(ticket);
  const mayMerge = can(user.role, 'ticket.merge') && !ticket.mergedInto && ticket.status !== 'closed';
  const here = ticket.number !== undefined ? `#${ticket.number}` : 'this ticket';

  return (
    <section className="ticket-panel__section" aria-labelledby="ticket-panel-similar" data-testid="similar-tickets">
      <h3 id="ticket-panel-similar">Similar tickets</h3>
      {suggestions === undefined ? (
        <p className="ticket-panel__quiet">Looking…</p>
      ) : suggestions.length === 0 ? (
        <p className="ticket-panel__quiet">None that look alike on this device.</p>
      ) : (
        <ul className="ticket-panel__others">
          {suggestions.map(({ match, ticket: other }) => (
            <li key={match.id} data-ticket-id={match.id} className="similar">
              <button type="button" className="ticket-panel__other" onClick={() => openTicket(match.id)}>
                <span className="ticket-panel__other-subject">
                  {other?.number !== undefined && <span className="ticket-panel__number">#{other.number} </span>}
                  <Isolated>{other?.subject ?? 'A ticket no longer on this device'}</Isolated>
                </span>
                <span className="ticket-panel__other-meta">
                  {Math.round(match.score * 100)}% alike
                  {other ? ` · ${STATUS_LABELS[other.status]}` : ''} · matched on{' '}
                  <span data-testid="similar-why">{match.sharedTerms.join(', ')}</span>
                </span>
              </button>
              {mayMerge && other && !other.mergedInto && other.status !== 'closed' && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={`Merge ${other.number !== undefined ? `#${other.number}` : 'it'} into ${here}`}
                  onClick={() =>
                    void mergeIntoTicket(db, user, ticket.id, [match.id]).then(({ merged, refusal }) =>
                      showFlash(merged > 0 ? `Merged into ${here}.` : (refusal ?? 'Nothing was merged.')),
                    )
                  }
                >
                  Merge here
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
