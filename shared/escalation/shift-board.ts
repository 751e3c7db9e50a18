import type { Escalation } from '../domain/escalation.ts';
import type { Shift } from '../domain/shift.ts';
import { onShiftNow } from '../shifts/on-shift.ts';
import { type HandoffSpread, handoffSpread, measuredEnd } from './handoff-spread.ts';

/**
 * The shift dashboard's rows: everyone on shift now, with how they are
 * handing over. Handoffs are the packets they sent during this shift; held
 * drafts are the ones they have not sent (whenever written): the pile a
 * quit-time batch is made of.
 */
export interface ShiftBoardRow {
  shift: Shift;
  /** Packets sent by this person within the shift (start to now, or to its planned end). */
  handoffs: number;
  spread: HandoffSpread;
  heldDrafts: number;
}

export function shiftBoard(
  shifts: readonly Shift[],
  packets: readonly Pick<Escalation, 'createdBy' | 'status' | 'sentAt'>[],
  now: number,
): ShiftBoardRow[] {
  // One running shift per person (the newest), should an old device not have heard of the end of another.
  const running = onShiftNow(shifts, now);
  return [...running.values()]
    .sort((a, b) => a.startedAt - b.startedAt || (a.userId < b.userId ? -1 : 1))
    .map((shift) => {
      const theirs = packets.filter((packet) => packet.createdBy === shift.userId);
      const end = measuredEnd(shift, now);
      const sentAt = theirs
        .map((packet) => packet.sentAt)
        .filter((at): at is number => at !== undefined && at >= shift.startedAt && at <= end);
      return {
        shift,
        handoffs: sentAt.length,
        spread: handoffSpread(shift, sentAt, now),
        heldDrafts: theirs.filter((packet) => packet.status === 'draft').length,
      };
    });
}
