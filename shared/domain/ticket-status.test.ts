import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from './ticket.ts';
import { canMoveStatus } from './ticket-status.ts';

// Rows: from; columns: to, in TICKET_STATUSES order (new, open, pending, on_hold, solved, closed).
const MATRIX: Record<TicketStatus, string> = {
  new: '.YYYY.',
  open: '..YYY.',
  pending: '.Y.YY.',
  on_hold: '.YY.Y.',
  solved: '.Y...Y',
  closed: '......',
};

describe('ticket status moves', () => {
  it.each(TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to, index) => [from, to, index] as const)))(
    '%s → %s',
    (from, to, index) => {
      expect(canMoveStatus(from, to)).toBe(MATRIX[from][index] === 'Y');
    },
  );

  it('never moves back to new, and never out of closed', () => {
    expect(TICKET_STATUSES.filter((from) => canMoveStatus(from, 'new'))).toEqual([]);
    expect(TICKET_STATUSES.filter((to) => canMoveStatus('closed', to))).toEqual([]);
  });
});
