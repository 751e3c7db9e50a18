import { TicketEventId, UserId } from '#shared/domain/ids';
import { Role } from '#shared/domain/roles';
import { Shift, FORGOTTEN_SHIFT_GRACE_MS } from '#shared/domain/shift';
import { ACTIVE_STATUSES, type Ticket } from '#shared/domain/ticket';
import type { TicketEvent } from '#shared/domain/ticket-event';
import { onShiftNow } from '#shared/shifts/on-shift';
import { routeCustomerMessage } from '#shared/shifts/route-customer-message';
import { indexKey } from '#shared/sync/entity';
import type { Sql } from '../db/database.ts';
import { newId } from '../db/new-id.ts';
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
 * Open tickets per person, counted from the assigneeId index (only those
 * people's tickets are read, never the whole ticket table).
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
        and index_keys && $2::text[] and data->>'status' = any($3::text[])
      group by 1`,
    [workspaceId, userIds.map((id) => indexKey('assigneeId', id)), [...ACTIVE_STATUSES]],
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
  if (onShiftNow(await listRows(tx, workspaceId, 'shift', 'userId', owner), now).has(owner)) {
    return { ticket, event: null };
  }
  const shifts = await runningShifts(tx, workspaceId, now);
  const onShift = [...onShiftNow(shifts, now).keys()];
  const members =
    onShift.length === 0
      ? []
      : await tx.query<{ id: string; role: string }>(
          'select id, role from users where workspace_id = $1 and id = any($2::text[]) and disabled_at is null',
          [workspaceId, onShift],
        );
  const decision = routeCustomerMessage(
    ticket,
    members.map((member) => ({ id: UserId.parse(member.id), role: Role.parse(member.role) })),
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
