import { type KeyboardEvent, useState } from 'react';
import { ESCALATION_STATUS_LABELS, type Escalation } from '#shared/domain/escalation';
import { can } from '#shared/domain/permissions';
import { authorMoves } from '#shared/escalation/analyst-console';
import { readyAge } from '#shared/escalation/pacing';
import { onShiftNow } from '#shared/shifts/on-shift';
import { type PacketField, packetReadiness } from '#shared/escalation/readiness';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useUiStore } from '../../../state/ui-store.ts';
import { runLocalChange } from '../../../sync/run-change.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { useNow } from '../../../ui/use-now.ts';
import { useMembers } from '../../queue/members-context.tsx';
import { useEscalationDialogs } from '../escalation-dialogs-store.ts';
import { useShifts } from '../use-escalations.ts';
import { AnalystPicker, useAnalystLoads } from './AnalystPicker.tsx';
import { defaultAnalyst } from './analyst-choice.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { LinkedTickets } from './LinkedTickets.tsx';
import { PacketFieldsForm } from './PacketFieldsForm.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';
import { ReadinessPanel } from './ReadinessPanel.tsx';
import { isEditable } from './packet-edits.ts';
import { usePacketEdits } from './use-packet-edits.ts';

/** Fields the editor can put the focus in, in the order they appear. */
const FOCUSABLE: readonly PacketField[] = [
  'summary',
  'severity',
  'stepsToReproduce',
  'expected',
  'actual',
  'environment',
  'tried',
];

/**
 * The packet editor: write the packet, watch the readiness check, pick the
 * analyst, send. The moment it is ready, Send is the default (Ctrl+Enter from
 * any field): packets go one by one as they are ready, not in a pile at quit
 * time. Edits save as the agent types (a local change that syncs).
 */
export function PacketEditor({ escalation, onClose }: { escalation: Escalation; onClose: () => void }) {
  const { db, user } = useWorkspace();
  const members = useMembers();
  const showFlash = useUiStore((s) => s.showFlash);
  const openFollowUp = useEscalationDialogs((s) => s.openFollowUp);
  const now = useNow(30_000);
  const edits = usePacketEdits(escalation.id, escalation);
  const loads = useAnalystLoads();
  const [analystChoice, setAnalystChoice] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Only the author (or someone who works escalations) can save: anyone else sees the packet read-only,
  // rather than typing into fields whose every save would be refused.
  const mayEdit = escalation.createdBy === user.id || can(user.role, 'escalations.work');
  const readOnly = !isEditable(escalation.status) || !mayEdit;
  const draft = escalation.status === 'draft' && mayEdit;
  const readiness = packetReadiness({
    ...edits.fields,
    ticketIds: escalation.ticketIds,
    problemId: escalation.problemId,
  });
  const missing = new Set(readiness.missing.map((gap) => gap.field));
  const shifts = useShifts();
  const onShift = new Set(onShiftNow(shifts ?? [], now).keys());
  const analystId = analystChoice === undefined ? defaultAnalyst(loads, onShift) : analystChoice;
  // Where the focus goes when the editor opens: Send if it is ready, else the first gap.
  const [focus] = useState<PacketField | 'send' | null>(() =>
    readOnly ? null : draft && readiness.ready ? 'send' : (FOCUSABLE.find((field) => missing.has(field)) ?? null),
  );

  const send = async () => {
    if (!draft || !readiness.ready || busy) return;
    setBusy(true);
    const refusal =
      (await edits.flush()) ??
      (await runLocalChange(db, user, 'sendEscalation', { escalationId: escalation.id, analystId }, 'The escalation'));
    setBusy(false);
    if (refusal) {
      setProblem(refusal);
      return;
    }
    onClose();
    const to = analystId === null ? 'any analyst' : (members?.get(analystId)?.name ?? 'the analyst');
    showFlash(`Sent to ${to}: “${edits.fields.summary.trim()}”. You hear of every step.`);
  };

  const withdraw = async () => {
    setBusy(true);
    const refusal = await runLocalChange(db, user, 'withdrawEscalation', { escalationId: escalation.id }, 'The draft');
    setBusy(false);
    if (refusal) setProblem(refusal);
    else {
      onClose();
      showFlash('Draft withdrawn; its tickets are no longer linked to it.');
    }
  };

  const removeTicket = (ticketId: string) =>
    void runLocalChange(
      db,
      user,
      'updateEscalation',
      { escalationId: escalation.id, removeTicketIds: [ticketId] },
      'The packet',
    ).then(setProblem);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      // Ours, not the composer's Ctrl+Enter behind the dialog.
      event.preventDefault();
      void send();
    }
  };

  const title = draft ? 'Escalation packet (draft)' : `Escalation · ${ESCALATION_STATUS_LABELS[escalation.status]}`;
  return (
    <Dialog title={title} onClose={onClose} testId="packet-editor">
      {/* Ctrl+Enter from any field sends; the keys are also on the Send button. */}
      <div className="form packet-editor" onKeyDown={onKeyDown}>
        <LinkedTickets
          ticketIds={escalation.ticketIds}
          impact={escalation.impact}
          readOnly={readOnly}
          onRemove={removeTicket}
        />
        <PacketFieldsForm edits={edits} readOnly={readOnly} missing={missing} focus={focus === 'send' ? null : focus} />
        <EvidenceList
          evidence={edits.fields.evidence}
          readOnly={readOnly}
          onChange={(evidence) => edits.set('evidence', evidence, 'now')}
        />
        <QuestionsPanel
          escalationId={escalation.id}
          questions={escalation.questions}
          answerable={escalation.status === 'needs_info'}
        />
        <ReadinessPanel readiness={readiness} readyAgeMs={readyAge(escalation, now)} draft={draft} />
        {draft && <AnalystPicker loads={loads} value={analystId} onChange={setAnalystChoice} />}
        {(problem ?? edits.problem) && (
          <p className="field__error" role="alert" data-testid="packet-problem">
            {problem ?? edits.problem}
          </p>
        )}
        <div className="dialog__actions">
          {draft && (
            <>
              <button
                type="button"
                className={`button${readiness.ready ? ' button--primary' : ''}`}
                disabled={!readiness.ready || busy}
                aria-keyshortcuts="Control+Enter"
                data-autofocus={focus === 'send' ? true : undefined}
                data-testid="packet-send"
                onClick={() => void send()}
              >
                Send now <kbd>Ctrl+Enter</kbd>
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={busy}
                data-testid="packet-withdraw"
                onClick={() => void withdraw()}
              >
                Withdraw draft
              </button>
            </>
          )}
          {authorMoves(escalation, user.id).includes('followUp') && (
            <button type="button" className="button button--primary" onClick={() => openFollowUp(escalation.id)}>
              Follow up with the customers…
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
        {draft && !readiness.ready && (
          <p className="field__hint">Send is available once nothing is missing; your text is saved as you type.</p>
        )}
      </div>
    </Dialog>
  );
}
