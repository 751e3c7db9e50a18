import { TicketEventId, UserId } from '#shared/domain/ids';
import { Role } from '#shared/domain/roles';
import { Shift, FORGOTTEN_SHIFT_GRACE_MS } from '#shared/domain/shift';
import { ACTIVE_STATUSES, type Ticket } from '#shared/domain/ticket';
import type { TicketEvent } from '#shared/domain/ticket-event';
import { onShiftNow } from '#shared/shifts/on-shift';
import { routeCustomerMessage } from '#shared/shifts/route-customer-message';
import { mayWorkShiftAs } from '#shared/shifts/shift-roles';
import { indexKey } from '#shared/sync/entity';
import type { Sql } from '../db/database.ts';
import { newId } from '../db/new-id.ts';
import { canSignIn } from '../accounts/can-sign-in.ts';
import { listRows } from '../sync/sync-rows.ts';

/** The ticket as routed, and the history line saying why it changed hands (none when it stayed). */
export interface Routed {
  ticket: Ticket;
  event: TicketEvent | null;
}

/**
 * Shifts that may be running at `now`: not ended, and not past the grace after
 * their planned end (shift.ts decides the rest). Shifts have no index for
 * this; the filter runs on the workspace's shift rows only, a few per person per day.
 */
async function runningShifts(tx: Sql, workspaceId: string, now: number): Promise<Shift[]> {
  const rows = await tx.query<{ data: unknown }>(
    `select data from sync_rows
      where workspace_id = $1 and entity = 'shift' and not deleted
        and not (data ? 'endedAt') and (data->>'plannedEnd')::int8 >= $2`,
    [workspaceId, now - FORGOTTEN_SHIFT_GRACE_MS],
  );
  return rows.map((row) => Shift.parse(row.data));
}

/**
 * Open tickets per person, counted from the assigneeId and status index keys
 * together (the GIN index intersects them): only those people's open tickets
 * are read, not the thousands they closed before, nor anyone else's.
 */
async function openTicketCounts(
  tx: Sql,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.query<{ assignee: string; n: number | string }>(
    `select data->>'assigneeId' as assignee, count(*) as n from sync_rows
      where workspace_id = $1 and entity = 'ticket' and not deleted
        and index_keys && $2::text[] and index_keys && $3::text[]
      group by 1`,
    [
      workspaceId,
      userIds.map((id) => indexKey('assigneeId', id)),
      [...ACTIVE_STATUSES].map((status) => indexKey('status', status)),
    ],
  );
  return new Map(rows.map((row) => [row.assignee, Number(row.n)]));
}

/**
 * "Nothing waits on an empty chair", applied where a customer's message
 * arrives (intake API and email alike): the ticket's owner is off shift, so
 * it goes to someone on shift (the rule is shared/shifts/route-customer-message.ts).
 * Only accounts that can still sign in are candidates. Runs inside the
 * caller's transaction; the caller writes the ticket and the event (dated
 * `eventAt`, after the message's own lines) at its version.
 */
export async function routeIfOwnerOffShift(
  tx: Sql,
  workspaceId: string,
  ticket: Ticket,
  now: number,
  eventAt: number,
): Promise<Routed> {
  const owner = ticket.assigneeId;
  if (owner === null) return { ticket, event: null };
  // The common case, answered from the owner's own shifts: they are on, and nothing else is read.
  // An owner whose account was disabled mid-shift is not at the console, whatever their shift says.
  if (
    onShiftNow(await listRows(tx, workspaceId, 'shift', 'userId', owner), now).has(owner) &&
    (await canSignIn(tx, workspaceId, owner))
  ) {
    return { ticket, event: null };
  }
  const running = await runningShifts(tx, workspaceId, now);
  const onShift = [...onShiftNow(running, now).keys()];
  const members =
    onShift.length === 0
      ? []
      : (
          await tx.query<{ id: string; role: string }>(
            'select id, role from users where workspace_id = $1 and id = any($2::text[]) and disabled_at is null',
            [workspaceId, onShift],
          )
        ).map((member) => ({ id: UserId.parse(member.id), role: Role.parse(member.role) }));
  // A shift counts as the role it was started as only while the account may still work as that role
  // (someone demoted mid-shift does not keep taking an agent's tickets).
  const roleOf = new Map(members.map((member) => [member.id as string, member.role]));
  const shifts = running.filter((shift) => {
    const role = roleOf.get(shift.userId);
    return role !== undefined && mayWorkShiftAs(role, shift.role);
  });
  const decision = routeCustomerMessage(
    ticket,
    members,
    shifts,
    await openTicketCounts(
      tx,
      workspaceId,
      members.map((member) => member.id),
    ),
    now,
  );
  if (decision.kind === 'keep') return { ticket, event: null };
  const to = UserId.parse(decision.to);
  return {
    ticket: { ...ticket, assigneeId: to },
    event: {
      id: TicketEventId.parse(newId('evt_')),
      ticketId: ticket.id,
      actorId: null,
      at: eventAt,
      change: { kind: 'assignee_changed', from: owner, to, reason: 'owner_off_shift' },
    },
  };
}
