import { type FormEvent, useState } from 'react';
import { ShiftId } from '#shared/domain/ids';
import { can } from '#shared/domain/permissions';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { mutate } from '../../sync/mutate.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useMyShift } from '../escalations/use-escalations.ts';
import { DEFAULT_SHIFT_MS, clockInputValue, formatClock, plannedEndFrom } from './clock.ts';
import './shifts.css';

function newShiftId(): ShiftId {
  return ShiftId.parse(`sft_${crypto.randomUUID()}`);
}

/**
 * The header's shift control: "Start shift" (with when I plan to stop) or,
 * on shift, until when and "End shift". Pacing and the shift dashboard read
 * the shift; nothing else depends on starting one.
 */
export function ShiftControl() {
  const { db, user } = useWorkspace();
  const shift = useMyShift();
  const showFlash = useUiStore((s) => s.showFlash);
  const [starting, setStarting] = useState(false);
  if (!can(user.role, 'shift.work') || shift === undefined) return null;

  const end = async () => {
    if (!shift) return;
    try {
      await mutate(db, user, 'endShift', { shiftId: shift.id });
    } catch (error) {
      showFlash(`The shift could not be ended: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="shift-control" role="group" aria-label="Your shift">
      {shift ? (
        <>
          <span className="shift-control__until" data-testid="shift-until">
            On shift until {formatClock(shift.plannedEnd)}
          </span>
          <button type="button" className="button button--quiet" onClick={() => void end()}>
            End shift
          </button>
        </>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setStarting(true)}>
          Start shift
        </button>
      )}
      {starting && <StartShiftDialog onClose={() => setStarting(false)} />}
    </div>
  );
}

function StartShiftDialog({ onClose }: { onClose: () => void }) {
  const { db, user } = useWorkspace();
  const [time, setTime] = useState(() => clockInputValue(Date.now() + DEFAULT_SHIFT_MS));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const now = Date.now();
    const planned = plannedEndFrom(now, time);
    if ('error' in planned) {
      setError(planned.error);
      return;
    }
    setBusy(true);
    try {
      await mutate(db, user, 'startShift', { shiftId: newShiftId(), plannedEnd: planned.at }, now);
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Start your shift" onClose={onClose} testId="start-shift-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="Planned end"
          type="time"
          value={time}
          onChange={setTime}
          hint="When you plan to stop (at most 16 hours from now). Pacing warns you near the end about drafts still held."
          error={error}
          required
          data-autofocus
        />
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Start the shift
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
