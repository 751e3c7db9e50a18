import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Escalation } from '#shared/domain/escalation';
import { STATUS_LABELS } from '#shared/domain/labels';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useUiStore } from '../../../state/ui-store.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { sendBlock } from '../../conversation/send-plan.ts';
import { PacketTextArea } from '../packet/PacketTextArea.tsx';
import { FollowUpMacroChoice } from './FollowUpMacroChoice.tsx';
import { type FollowUpStatus, followUpBody, followUpTargets } from './follow-up-plan.ts';
import { type FollowUpOutcome, loadFollowUpTickets, sendFollowUp } from './send-follow-up.ts';

const STATUS_CHOICES: readonly FollowUpStatus[] = ['solved', 'pending'];

/**
 * Once an escalation is fixed (or will not be): one reply to every affected
 * customer, quoting the analyst's note, and the tickets moved on, in one go.
 * The requester's name and ticket stay variables the server fills per copy.
 */
export function FollowUpDialog({ escalation, onClose }: { escalation: Escalation; onClose: () => void }) {
  const { db, user } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  const tickets = useLiveQuery(
    () => loadFollowUpTickets(db, escalation),
    [db, escalation.ticketIds.join(','), escalation.problemId],
  );
  const [fallback] = useState(() =>
    escalation.resolution ? followUpBody(escalation.resolution) : 'Hi {{requester.first_name}},\n\n',
  );
  const [body, setBody] = useState(fallback);
  const [status, setStatus] = useState<FollowUpStatus>('solved');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const targets = followUpTargets(tickets ?? []);
  const finished = escalation.status === 'fixed' || escalation.status === 'wont_fix';
  const block = sendBlock('reply', body, { perRecipient: true });
  const n = targets.customers;
  const title = `Follow up with all ${n} affected ${n === 1 ? 'customer' : 'customers'}`;

  const send = async () => {
    setProblem(null);
    setProgress({ done: 0, total: targets.ticketIds.length * 2 });
    try {
      const result = await sendFollowUp(
        db,
        user,
        escalation.id,
        { ticketIds: targets.ticketIds, body, status },
        (done, total) => setProgress({ done, total }),
      );
      setOutcome(result);
      if (result.refused.length === 0) {
        onClose();
        showFlash(
          `Replied on ${result.replied} ${result.replied === 1 ? 'ticket' : 'tickets'}; moved to ${STATUS_LABELS[status]}.`,
        );
      }
    } catch (error) {
      setProblem(
        `The follow-up could not be saved on this device: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setProgress(null);
    }
  };

  if (outcome) {
    return (
      <Dialog title="Follow-up sent" onClose={onClose} testId="follow-up-dialog">
        <p role="status" data-testid="follow-up-result">
          Replied on {outcome.replied} {outcome.replied === 1 ? 'ticket' : 'tickets'}; {outcome.refused.length} not
          done:
        </p>
        <ul>
          {[...new Set(outcome.refused)].map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} onClose={onClose} testId="follow-up-dialog">
      <div className="form follow-up">
        {!finished || escalation.followUp ? (
          <p role="status">
            {escalation.followUp
              ? `Already followed up on ${escalation.followUp.tickets} tickets.`
              : 'The escalation is not resolved yet: follow up once the analyst has fixed it (or decided not to).'}
          </p>
        ) : (
          <>
            <p>
              {escalation.resolution?.outcome === 'fixed' ? 'Fixed' : 'Won’t fix'}: {escalation.summary}. One reply on
              each of {targets.ticketIds.length} {targets.ticketIds.length === 1 ? 'ticket' : 'tickets'}
              {targets.closed > 0 ? ` (${targets.closed} closed, left out)` : ''}.
            </p>
            <FollowUpMacroChoice fallback={fallback} onBody={setBody} />
            <PacketTextArea
              label="Reply"
              value={body}
              onChange={setBody}
              onBlur={() => undefined}
              maxLength={20_000}
              rows={8}
              readOnly={progress !== null}
              missing={false}
              autoFocus
              hint="{{requester.first_name}} and the other requester and ticket variables are filled for each customer."
              testId="follow-up-body"
            />
            <fieldset className="field-group">
              <legend>Then the tickets become</legend>
              {STATUS_CHOICES.map((choice) => (
                <label key={choice} className="choice">
                  <input
                    type="radio"
                    name="follow-up-status"
                    value={choice}
                    checked={status === choice}
                    onChange={() => setStatus(choice)}
                  />{' '}
                  {STATUS_LABELS[choice]}
                </label>
              ))}
            </fieldset>
            {block && (
              <p className="field__hint" role="status">
                {block.kind === 'empty'
                  ? 'Write the reply first.'
                  : `Fill these before sending: ${block.slots.map((slot) => `{{${slot}}}`).join(', ')}.`}
              </p>
            )}
            {progress && (
              <p role="status">
                Sending… {Math.min(progress.done, progress.total)} of {progress.total} changes
              </p>
            )}
            {problem && (
              <p className="field__error" role="alert">
                {problem}
              </p>
            )}
          </>
        )}
        <div className="dialog__actions">
          {finished && !escalation.followUp && (
            <button
              type="button"
              className="button button--primary"
              disabled={block !== null || progress !== null || targets.ticketIds.length === 0 || tickets === undefined}
              data-testid="follow-up-send"
              onClick={() => void send()}
            >
              Send to {n} {n === 1 ? 'customer' : 'customers'}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
