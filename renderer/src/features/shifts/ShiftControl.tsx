import { type FormEvent, useState } from 'react';
import { ShiftId } from '#shared/domain/ids';
import { ROLE_LABELS } from '#shared/domain/labels';
import { can } from '#shared/domain/permissions';
import type { Role } from '#shared/domain/roles';
import { shiftRolesFor } from '#shared/shifts/shift-roles';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { mutate } from '../../sync/mutate.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useMyShift } from '../escalations/use-escalations.ts';
import { DEFAULT_SHIFT_MS, clockInputValue, formatClock, plannedEndFrom } from './clock.ts';
import { EndShiftDialog } from './EndShiftDialog.tsx';
import './shifts.css';

function newShiftId(): ShiftId {
  return ShiftId.parse(`sft_${crypto.randomUUID()}`);
}

/**
 * The header's shift control: "Start shift" (with when I plan to stop, and
 * the role I work as) or, on shift, until when and "End shift", which offers
 * my open tickets to whoever is on shift. Pacing, the shift dashboard, the
 * assignee pickers and the server's routing of customer messages read the shift.
 */
export function ShiftControl() {
  const { user } = useWorkspace();
  const shift = useMyShift();
  const [starting, setStarting] = useState(false);
  const [ending, setEnding] = useState(false);
  if (!can(user.role, 'shift.work') || shift === undefined) return null;

  return (
    <div className="shift-control" role="group" aria-label="Your shift">
      {shift ? (
        <>
          <span className="shift-control__until" data-testid="shift-until">
            On shift until {formatClock(shift.plannedEnd)}
          </span>
          <button type="button" className="button button--quiet" onClick={() => setEnding(true)}>
            End shift
          </button>
        </>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setStarting(true)}>
          Start shift
        </button>
      )}
      {starting && <StartShiftDialog onClose={() => setStarting(false)} />}
      {ending && shift && <EndShiftDialog shift={shift} onClose={() => setEnding(false)} />}
    </div>
  );
}

function StartShiftDialog({ onClose }: { onClose: () => void }) {
  const { db, user } = useWorkspace();
  const [time, setTime] = useState(() => clockInputValue(Date.now() + DEFAULT_SHIFT_MS));
  const roles = shiftRolesFor(user.role);
  const [role, setRole] = useState<Role>(user.role);
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
      await mutate(db, user, 'startShift', { shiftId: newShiftId(), plannedEnd: planned.at, role }, now);
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
        {roles.length > 1 && (
          <SelectField<Role>
            label="Work as"
            value={role}
            options={roles.map((value) => ({ value, label: ROLE_LABELS[value] }))}
            onChange={setRole}
            hint="Cover a role with fewer rights than yours (an analyst covering the queue works as an agent): customer messages and handovers go by the role you work."
          />
        )}
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
