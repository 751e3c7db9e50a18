import { PRIORITY_LABELS } from '#shared/domain/labels';
import type { TicketPriority } from '#shared/domain/ticket';
import type { TrustAssessment } from '#shared/trust/assess-trust';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { suggestionWords } from './trust-words.ts';

interface TrustSuggestionProps {
  trust: TrustAssessment | undefined;
  /** Whether this agent may change priorities (the role × action table). */
  mayTriage: boolean;
  onAccept: (priority: TicketPriority) => void;
}

/**
 * In triage, for a customer the team failed lately: an "At risk" badge with
 * the reason, and the priority their record suggests with one key (or click)
 * to take it. Nothing at all for a customer in good standing.
 */
export function TrustSuggestion({ trust, mayTriage, onAccept }: TrustSuggestionProps) {
  if (!trust?.atRisk) return null;
  const suggestion = suggestionWords(trust);
  const priority = trust.suggestedPriority;
  return (
    <div className="trust-suggestion" role="group" aria-label="Customer at risk" data-testid="trust-suggestion">
      <p className="trust-suggestion__line">
        <span className="trust-badge">At risk</span> <Isolated>{suggestion ?? trust.reason ?? ''}</Isolated>
      </p>
      {priority !== null && (
        <button
          type="button"
          className="button button--small"
          disabled={!mayTriage}
          // The queue action 'ticket.priority.suggested' is on the same key.
          aria-keyshortcuts="Shift+R"
          onClick={() => onAccept(priority)}
        >
          <kbd>⇧R</kbd> Raise to {PRIORITY_LABELS[priority]}
        </button>
      )}
    </div>
  );
}
