import { type RefObject, useState } from 'react';
import { PRIORITY_LABELS, STATUS_LABELS } from '#shared/domain/labels';
import { can } from '#shared/domain/permissions';
import { TicketTag, type Ticket, normalizeTag } from '#shared/domain/ticket';
import { nextStatuses } from '#shared/domain/ticket-status';
import type { TrustAssessment } from '#shared/trust/assess-trust';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { TrustSuggestion } from '../trust/TrustSuggestion.tsx';
import { PriorityPicker } from './PriorityPicker.tsx';
import type { TicketCommand } from './ticket-command.ts';
import { useMemberName } from './members-context.tsx';

/** Keys for each status, shown on its button; the same map as queue-actions.ts. */
const STATUS_KEYS: Partial<Record<Ticket['status'], string>> = { open: 'o', pending: 'p', on_hold: 'h', solved: 'e' };

interface TicketTriageProps {
  ticket: Ticket;
  /** The customer's trust ledger, judged: an at-risk customer's suggested priority is offered here. */
  trust: TrustAssessment | undefined;
  unsynced: boolean;
  tagInput: RefObject<HTMLInputElement | null>;
  onCommand: (ticket: Ticket, command: TicketCommand) => void;
}

/** Priority, status, who holds it, and tags: every control shows its key, and the role decides what is offered. */
export function TicketTriage({ ticket, trust, unsynced, tagInput, onCommand }: TicketTriageProps) {
  const { user } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  const assignee = useMemberName(ticket.assigneeId);
  const [tag, setTag] = useState('');
  const mayTriage = can(user.role, 'ticket.triage');
  const mayMove = can(user.role, 'ticket.status');
  const mayClaim = can(user.role, 'ticket.claim');

  return (
    <div className="ticket-detail__triage">
      <span className="ticket-detail__label" id="priority-label">
        Priority: <strong data-testid="detail-priority">{PRIORITY_LABELS[ticket.priority]}</strong>
        {unsynced && <span className="ticket-detail__unsynced"> · saved on this device, not yet synced</span>}
      </span>
      <PriorityPicker
        value={ticket.priority}
        disabled={!mayTriage}
        onChange={(priority) => onCommand(ticket, { kind: 'priority', priority })}
      />
      <TrustSuggestion
        trust={trust}
        mayTriage={mayTriage}
        onAccept={(priority) => onCommand(ticket, { kind: 'priority', priority })}
      />

      <div className="ticket-detail__row">
        <span className="ticket-detail__label">
          Status: <strong data-testid="detail-status">{STATUS_LABELS[ticket.status]}</strong>
        </span>
        <div className="button-row" role="group" aria-label="Move to status">
          {nextStatuses(ticket.status).map((status) => (
            <button
              key={status}
              type="button"
              className="button button--small"
              disabled={!mayMove}
              aria-keyshortcuts={STATUS_KEYS[status]}
              onClick={() => onCommand(ticket, { kind: 'status', status })}
            >
              {STATUS_KEYS[status] && <kbd>{STATUS_KEYS[status]}</kbd>} {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
      </div>

      <div className="ticket-detail__row">
        <span className="ticket-detail__label">
          Assignee: <strong data-testid="detail-assignee">{ticket.assigneeId ? assignee : 'nobody'}</strong>
        </span>
        {ticket.assigneeId === user.id ? (
          <button
            type="button"
            className="button button--small"
            disabled={!mayClaim}
            aria-keyshortcuts="u"
            onClick={() => onCommand(ticket, { kind: 'release' })}
          >
            <kbd>u</kbd> Release
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            disabled={!mayClaim}
            aria-keyshortcuts="c"
            onClick={() => onCommand(ticket, { kind: 'claim' })}
          >
            <kbd>c</kbd> Claim
          </button>
        )}
      </div>

      <div className="ticket-detail__row">
        <span className="ticket-detail__label">Tags:</span>
        <ul className="tag-list" aria-label="Tags">
          {ticket.tags.map((name) => (
            <li key={name} className="tag">
              {name}
              <button
                type="button"
                className="tag__remove"
                disabled={!mayTriage}
                aria-label={`Remove tag ${name}`}
                onClick={() => onCommand(ticket, { kind: 'removeTag', tag: name })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="tag-form"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = TicketTag.safeParse(normalizeTag(tag));
            if (!parsed.success) {
              showFlash('A tag is a short word or two, in letters, digits, dots or dashes.');
              return;
            }
            onCommand(ticket, { kind: 'addTag', tag: parsed.data });
            setTag('');
          }}
        >
          <label className="visually-hidden" htmlFor="add-tag">
            Add a tag (t)
          </label>
          <input
            id="add-tag"
            ref={tagInput}
            className="tag-form__input"
            placeholder="Add tag (t)"
            value={tag}
            disabled={!mayTriage}
            onChange={(event) => setTag(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') event.currentTarget.blur();
            }}
          />
        </form>
      </div>
      {!mayTriage && <p className="ticket-detail__hint">Trainees practise triage in the sandbox.</p>}
    </div>
  );
}
