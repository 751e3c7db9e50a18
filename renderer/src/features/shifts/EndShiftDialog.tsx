import { useId, useMemo, useState } from 'react';
import { ROLE_LABELS } from '#shared/domain/labels';
import type { Shift } from '#shared/domain/shift';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { mutate, mutateBatch } from '../../sync/mutate.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import { formatClock } from './clock.ts';
import { type HandOverTarget, planHandOver } from './plan-hand-over.ts';
import { type OnShiftTeammate, useHandOverData } from './use-hand-over-data.ts';

/** Beyond this many, the ticket list starts folded: the count and the choice are what matter. */
const LIST_OPEN_UP_TO = 30;
const SPREAD = 'spread';

/**
 * Ending a shift: "nothing waits on an empty chair". My open tickets are
 * offered for handover, all or a selection, to one person on shift or spread
 * evenly across the agents on shift, then the shift ends. The handover is
 * one bulk change (one local transaction, one mutation per ticket), so
 * hundreds of tickets neither freeze the app nor wait on the network.
 */
export function EndShiftDialog({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const { db, user } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  const data = useHandOverData();
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [choice, setChoice] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const targetId = useId();

  const agents = useMemo(() => data?.onShift.filter((teammate) => teammate.role === 'agent') ?? [], [data]);
  // Spreading goes across agents; with none on shift, across whoever is.
  const spreadAcross = agents.length > 0 ? agents : (data?.onShift ?? []);
  const target = choice ?? (spreadAcross.length > 1 ? SPREAD : (data?.onShift[0]?.id ?? SPREAD));
  const chosen = data?.mine.filter((ticket) => !left.has(ticket.id)) ?? [];

  const end = async (handOver: boolean) => {
    setError(null);
    try {
      if (handOver && chosen.length > 0) {
        const to: HandOverTarget = target === SPREAD ? { kind: 'spread' } : { kind: 'person', id: target };
        const changes = planHandOver(
          chosen.map((ticket) => ticket.id),
          to,
          spreadAcross,
        );
        setProgress(`Handing over ${changes.length} tickets…`);
        const outcome = await mutateBatch(db, user, changes, {
          onProgress: (done, total) => setProgress(`Handing over: ${done} of ${total}…`),
        });
        const handed = `${outcome.applied.length} ticket${outcome.applied.length === 1 ? '' : 's'} handed over`;
        showFlash(
          outcome.refused.length === 0
            ? `${handed}; your shift has ended.`
            : `${handed}; ${outcome.refused.length} stayed with you: ${outcome.refused[0]?.message}`,
        );
      }
      await mutate(db, user, 'endShift', { shiftId: shift.id });
      onClose();
    } catch (failure) {
      setProgress(null);
      setError(`The shift could not be ended: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  };

  if (!data) {
    return (
      <Dialog title="End your shift" onClose={onClose} testId="end-shift-dialog">
        <p>Loading your tickets…</p>
      </Dialog>
    );
  }

  const count = data.mine.length;
  return (
    <Dialog title="End your shift" onClose={onClose} testId="end-shift-dialog">
      <div className="form end-shift">
        <p data-testid="end-shift-summary">
          {count === 0 ? 'You hold no open tickets.' : `You hold ${count} open ticket${count === 1 ? '' : 's'}.`}
          {count > 0 &&
            data.onShift.length === 0 &&
            ' Nobody else is on shift to take them: they stay with you, and a customer who writes goes to whoever starts a shift.'}
        </p>
        {count > 0 && data.onShift.length > 0 && (
          <>
            <TicketChoice tickets={data.mine} left={left} onLeft={setLeft} />
            <div className="field">
              <label htmlFor={targetId}>Hand them to</label>
              <select id={targetId} value={target} onChange={(event) => setChoice(event.target.value)} data-autofocus>
                {spreadAcross.length > 1 && (
                  <option value={SPREAD}>
                    Spread evenly across {agents.length > 0 ? 'agents' : 'everyone'} on shift ({spreadAcross.length})
                  </option>
                )}
                {data.onShift.map((teammate) => (
                  <option key={teammate.id} value={teammate.id}>
                    {teammateLabel(teammate)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {progress && (
          <p role="status" className="end-shift__progress">
            {progress}
          </p>
        )}
        {error && <p className="field__error">{error}</p>}
        <div className="dialog__actions">
          {count > 0 && data.onShift.length > 0 && (
            <button
              type="button"
              className="button button--primary"
              disabled={progress !== null || chosen.length === 0}
              onClick={() => void end(true)}
            >
              Hand over {chosen.length} and end shift
            </button>
          )}
          <button
            type="button"
            className={count === 0 || data.onShift.length === 0 ? 'button button--primary' : 'button'}
            disabled={progress !== null}
            onClick={() => void end(false)}
          >
            {count === 0 ? 'End shift' : 'End shift, keep them'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** "Priya Nair — Agent, 3 open, on shift until 06:00". */
function teammateLabel(teammate: OnShiftTeammate): string {
  return `${teammate.name} — ${ROLE_LABELS[teammate.role]}, ${teammate.open} open, on shift until ${formatClock(teammate.plannedEnd)}`;
}

/** The tickets, each ticked to go; a long list starts folded. Subjects are customer text, shown as text. */
function TicketChoice({
  tickets,
  left,
  onLeft,
}: {
  tickets: NonNullable<ReturnType<typeof useHandOverData>>['mine'];
  left: ReadonlySet<string>;
  onLeft: (left: ReadonlySet<string>) => void;
}) {
  const toggle = (id: string, keep: boolean) => {
    const next = new Set(left);
    if (keep) next.add(id);
    else next.delete(id);
    onLeft(next);
  };
  return (
    <details className="end-shift__tickets" open={tickets.length <= LIST_OPEN_UP_TO}>
      <summary>
        {tickets.length - left.size} of {tickets.length} selected to hand over
      </summary>
      <div className="button-row">
        <button type="button" className="button button--small button--quiet" onClick={() => onLeft(new Set())}>
          Select all
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => onLeft(new Set(tickets.map((ticket) => ticket.id)))}
        >
          Select none
        </button>
      </div>
      <ul className="end-shift__list" aria-label="Your open tickets">
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <label className="choice">
              <input
                type="checkbox"
                checked={!left.has(ticket.id)}
                onChange={(event) => toggle(ticket.id, !event.target.checked)}
              />
              {ticket.number === undefined ? '' : `#${ticket.number} `}
              <Isolated>{ticket.subject}</Isolated>
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
