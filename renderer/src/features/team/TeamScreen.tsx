import { useMemo, useRef } from 'react';
import { ROLE_LABELS } from '#shared/domain/labels';
import type { Shift } from '#shared/domain/shift';
import { onShiftNow } from '#shared/shifts/on-shift';
import { useEndpoint } from '../../http/use-endpoint.ts';
import { LoadState } from '../../ui/LoadState.tsx';
import { formatTime } from '../../ui/format.ts';
import { useFocusOnMount } from '../../ui/use-focus-on-mount.ts';
import { useNow } from '../../ui/use-now.ts';
import { useShifts } from '../escalations/use-escalations.ts';
import { formatClock } from '../shifts/clock.ts';
import { onShiftSummary, teamInShiftOrder } from './team-order.ts';

/**
 * For leads: the team, who works a shift now and until when (the synced
 * shifts on this device, live), and who has Shiftdesk open and connected
 * (read from the server when opened and on Refresh: a snapshot, which the
 * screen says).
 */
export function TeamScreen() {
  const team = useEndpoint('team', {});
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const shifts = useShifts();
  const now = useNow(60_000);
  const working = useMemo(() => onShiftNow(shifts ?? [], now), [shifts, now]);
  const members = useMemo(
    () => (team.data ? teamInShiftOrder(team.data.members, new Set(working.keys())) : []),
    [team.data, working],
  );

  return (
    <main className="admin" aria-labelledby="team-heading" data-testid="team-screen">
      <header className="admin-section__header">
        <h1 id="team-heading" ref={heading} tabIndex={-1}>
          Team
        </h1>
        {team.data && team.at !== null && (
          <span className="admin-section__summary" data-testid="team-summary">
            {onShiftSummary(team.data.members)} · as of {formatTime(team.at)}
          </span>
        )}
        <button type="button" className="button" onClick={team.reload} disabled={team.loading}>
          Refresh
        </button>
      </header>
      <LoadState
        what="the team"
        loading={team.loading}
        failure={team.failure}
        hasData={team.data !== undefined}
        onRetry={team.reload}
      />
      {team.data && (
        <table className="admin-table" data-testid="team-table">
          <caption className="visually-hidden">Team members, on shift first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Email</th>
              <th scope="col">Shift</th>
              <th scope="col">Connected</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                <td>{ROLE_LABELS[member.role]}</td>
                <td>{member.email}</td>
                <td data-testid="team-shift">
                  <ShiftCell shift={working.get(member.id)} accountRole={member.role} />
                </td>
                <td>
                  {member.disabled ? (
                    <span className="status-pill status-pill--off">Account disabled</span>
                  ) : member.onShift ? (
                    <span className="status-pill status-pill--on">On shift now</span>
                  ) : (
                    <span className="status-pill status-pill--idle">Not connected</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/** "Until 06:00", "As Agent until 06:00" when covering another role, or "Not on shift". */
function ShiftCell({ shift, accountRole }: { shift: Shift | undefined; accountRole: Shift['role'] }) {
  if (!shift) return <span className="status-pill status-pill--idle">Not on shift</span>;
  const covering = shift.role === accountRole ? '' : `As ${ROLE_LABELS[shift.role]} `;
  return (
    <span className="status-pill status-pill--on">
      {covering ? covering : 'On shift '}until {formatClock(shift.plannedEnd)}
    </span>
  );
}
