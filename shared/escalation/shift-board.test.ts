import { describe, expect, it } from 'vitest';
import type { Escalation } from '../domain/escalation.ts';
import { escalationFixture, shiftFixture } from '../testing/fixtures.ts';
import { shiftBoard } from './shift-board.ts';

const HOUR = 3_600_000;
const NOW = 4 * HOUR;

const sent = (by: string, at: number | undefined, status: Escalation['status'] = 'sent') =>
  escalationFixture({ createdBy: by as never, status, ...(at === undefined ? {} : { sentAt: at }) });

describe('shiftBoard', () => {
  it('lists the running shifts, earliest start first, with handoffs within the shift', () => {
    const shifts = [
      shiftFixture({ id: 'sft_b' as never, userId: 'usr_b' as never, startedAt: 2 * HOUR, plannedEnd: 10 * HOUR }),
      shiftFixture({ id: 'sft_a' as never, userId: 'usr_a' as never, startedAt: 0, plannedEnd: 8 * HOUR }),
      shiftFixture({ id: 'sft_c' as never, userId: 'usr_c' as never, endedAt: HOUR }),
    ];
    const packets = [
      sent('usr_a', 1 * HOUR),
      sent('usr_a', 3 * HOUR, 'fixed'),
      sent('usr_a', undefined, 'draft'),
      sent('usr_a', undefined, 'draft'),
      // Before b's shift began: yesterday's handoff does not count today.
      sent('usr_b', 1 * HOUR),
      sent('usr_c', 0.5 * HOUR),
    ];
    const rows = shiftBoard(shifts, packets, NOW);
    expect(rows.map((row) => [row.shift.userId, row.handoffs, row.heldDrafts, row.spread.score])).toEqual([
      ['usr_a', 2, 2, 0.75],
      ['usr_b', 0, 0, null],
    ]);
  });

  it('keeps one running shift per person, the newest', () => {
    const shifts = [
      shiftFixture({ id: 'sft_old' as never, startedAt: 0 }),
      shiftFixture({ id: 'sft_new' as never, startedAt: HOUR }),
    ];
    expect(shiftBoard(shifts, [], NOW).map((row) => row.shift.id)).toEqual(['sft_new']);
  });
});
