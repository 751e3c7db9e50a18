import { type FormEvent, useMemo, useState } from 'react';
import type { Handover } from '#shared/domain/handover';
import { can } from '#shared/domain/permissions';
import { handoverSnapshot } from '#shared/handover/snapshot';
import { SNAPSHOT_SECTIONS } from '#shared/handover/snapshot-sections';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { formatTime } from '../../ui/format.ts';
import { useShifts } from '../escalations/use-escalations.ts';
import { useMembers } from '../queue/members-context.tsx';
import { submit } from './handover-changes.ts';
import { type ReadProgress, readSnapshotInput } from './read-snapshot-input.ts';
import { receiverChoices } from './receiver-choices.ts';

interface SubmitHandoverDialogProps {
  handover: Handover;
  onClose: () => void;
  onSubmitted: (message: string) => void;
}

/**
 * Hands my handover over: to whom (those on shift now first), with a
 * snapshot of the queue as this device holds it, taken at submission.
 */
export function SubmitHandoverDialog({ handover, onClose, onSubmitted }: SubmitHandoverDialogProps) {
  const { db, user } = useWorkspace();
  const members = useMembers();
  const shifts = useShifts();
  const [now] = useState(() => Date.now());
  const choices = useMemo(
    () =>
      receiverChoices(members?.values() ?? [], shifts ?? [], user.id, now, (member) =>
        can(member.role, 'handover.work'),
      ),
    [members, shifts, user.id, now],
  );
  const [chosen, setChosen] = useState('');
  const toUserId = chosen || choices[0]?.id || '';
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = progress !== null;
  const onShift = choices.filter((choice) => choice.onShiftUntil !== null);
  const others = choices.filter((choice) => choice.onShiftUntil === null);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!toUserId) {
      setProblem('Choose who receives the handover.');
      return;
    }
    setProblem(null);
    setProgress({ read: 0, total: 0 });
    try {
      const input = await readSnapshotInput(db, setProgress);
      const snapshot = handoverSnapshot(input, Date.now(), SNAPSHOT_SECTIONS);
      const refused = await submit(db, user, handover.id, toUserId, snapshot);
      if (refused) setProblem(refused);
      else onSubmitted(`Handed over to ${choices.find((c) => c.id === toUserId)?.name ?? 'your teammate'}.`);
    } catch (error) {
      setProblem(
        `The queue could not be read on this device: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setProgress(null);
    }
  };

  return (
    <Dialog title="Submit handover" onClose={onClose} testId="submit-handover-dialog">
      <form className="form" onSubmit={(event) => void run(event)} noValidate>
        <p>
          {handover.items.length === 0
            ? 'Nothing is in your handover: it completes as soon as it is handed over.'
            : `${handover.items.length} ${handover.items.length === 1 ? 'item' : 'items'} go to the receiver, with a snapshot of the queue.`}
        </p>
        <div className="field">
          <label htmlFor="handover-receiver">Receiver</label>
          <select
            id="handover-receiver"
            value={toUserId}
            onChange={(event) => setChosen(event.target.value)}
            aria-invalid={problem && !toUserId ? true : undefined}
            data-autofocus
          >
            {onShift.length > 0 && (
              <optgroup label="On shift now">
                {onShift.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name} (on shift until {formatTime(choice.onShiftUntil ?? now)})
                  </option>
                ))}
              </optgroup>
            )}
            {others.length > 0 && (
              <optgroup label={onShift.length > 0 ? 'Not on shift' : 'Team'}>
                {others.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {choices.length === 0 && <small className="field__hint">Nobody else on this device’s team list yet.</small>}
        </div>
        {progress && (
          <p role="status" data-testid="handover-snapshot-progress">
            Reading the queue for the snapshot: {progress.read.toLocaleString()} of {progress.total.toLocaleString()}{' '}
            active tickets…
          </p>
        )}
        {problem && (
          <p className="field__error" role="alert" data-testid="handover-refusal">
            {problem}
          </p>
        )}
        <FormActions submitLabel="Submit handover" busy={busy} secondary={{ label: 'Cancel', onClick: onClose }} />
      </form>
    </Dialog>
  );
}
