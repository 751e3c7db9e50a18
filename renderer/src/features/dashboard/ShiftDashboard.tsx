import { useMemo, useRef } from 'react';
import { ROLE_LABELS } from '#shared/domain/labels';
import { describeSpread } from '#shared/escalation/handoff-spread';
import { analystWorkload } from '#shared/escalation/pacing';
import { shiftBoard } from '#shared/escalation/shift-board';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useFocusOnMount } from '../../ui/use-focus-on-mount.ts';
import { useNow } from '../../ui/use-now.ts';
import { useEscalations, useShifts } from '../escalations/use-escalations.ts';
import { useMembers } from '../queue/members-context.tsx';
import { formatClock } from '../shifts/clock.ts';

/**
 * The shift at a glance: who is on, how evenly each is handing over (one by
 * one through the shift, or a pile at quit time), what they still hold, and
 * how loaded each analyst is, so a packet goes where it will be picked up.
 */
export function ShiftDashboard() {
  const { user } = useWorkspace();
  const shifts = useShifts();
  const escalations = useEscalations();
  const members = useMembers();
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  const rows = useMemo(() => shiftBoard(shifts ?? [], escalations ?? [], now), [shifts, escalations, now]);
  const analysts = useMemo(
    () => [...(members?.values() ?? [])].filter((member) => member.role === 'analyst').map((member) => member.id),
    [members],
  );
  // "Any analyst" is always a row: an agent choosing where to send sees that option even when it is empty.
  const workload = useMemo(() => {
    const loads = analystWorkload(escalations ?? [], analysts);
    return loads.some((load) => load.analystId === null)
      ? loads
      : [...loads, { analystId: null, open: 0, waitingOnAgent: 0 }];
  }, [escalations, analysts]);
  const nameOf = (id: string) =>
    id === user.id ? `${members?.get(id)?.name ?? 'You'} (you)` : (members?.get(id)?.name ?? 'A teammate');

  return (
    <main className="admin" aria-labelledby="dashboard-heading" data-testid="shift-dashboard">
      <h1 id="dashboard-heading" ref={heading} tabIndex={-1}>
        Shift
      </h1>

      <section aria-labelledby="on-shift-heading" className="admin-section">
        <h2 id="on-shift-heading">On shift now</h2>
        {shifts === undefined || escalations === undefined ? (
          <p>Loading…</p>
        ) : rows.length === 0 ? (
          <p>Nobody has started a shift. Start yours with “Start shift” at the top.</p>
        ) : (
          <table className="admin-table" data-testid="shift-board">
            <caption className="visually-hidden">People on shift, with their handoffs this shift</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Shift</th>
                <th scope="col">Handoffs this shift</th>
                <th scope="col">Handoff spread</th>
                <th scope="col">Held drafts</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.shift.id}>
                  <th scope="row">{nameOf(row.shift.userId)}</th>
                  <td>{ROLE_LABELS[row.shift.role]}</td>
                  <td>
                    {formatClock(row.shift.startedAt)}–{formatClock(row.shift.plannedEnd)}
                  </td>
                  <td>{row.handoffs}</td>
                  <td>
                    {row.spread.score === null ? '—' : row.spread.score.toFixed(2)}
                    <div className="admin-table__note">{describeSpread(row.spread, formatClock)}</div>
                  </td>
                  <td>{row.heldDrafts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <details className="dashboard-explainer">
          <summary>What is handoff spread?</summary>
          <p>
            It says how evenly someone hands problems over during their shift, from 0 to 1. Picture the shift as a line
            from its start to its planned end (or to now, while it runs) and each packet sent as a mark on it. If
            handoffs keep pace with the shift, by the time half the shift has passed about half of them have been sent.
            The score is 1 minus the largest gap, at any moment, between the share of the shift gone by and the share of
            handoffs sent.
          </p>
          <p>
            Packets sent one by one at even intervals score high (five of them score 0.9). A pile sent in the last
            minutes before quit time scores near 0: most of the shift passed with nothing handed over, and the analysts
            get everything at once. Everything sent in the first minutes scores low too: the rest of the shift handed
            over nothing. The sentence under each score names the moment of the largest gap.
          </p>
        </details>
      </section>

      <section aria-labelledby="workload-heading" className="admin-section">
        <h2 id="workload-heading">Analyst workload</h2>
        <table className="admin-table" data-testid="analyst-workload">
          <caption className="visually-hidden">Open escalations per analyst, least loaded first</caption>
          <thead>
            <tr>
              <th scope="col">Analyst</th>
              <th scope="col">Open</th>
              <th scope="col">Waiting on an agent</th>
            </tr>
          </thead>
          <tbody>
            {workload.map((load) => (
              <tr key={load.analystId ?? 'anyone'}>
                <th scope="row">{load.analystId === null ? 'Any analyst' : nameOf(load.analystId)}</th>
                <td>{load.open}</td>
                <td>{load.waitingOnAgent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
