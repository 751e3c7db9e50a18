import { describe, expect, it } from 'vitest';
import { type ClockEvent, type TicketClock, advanceClock, clockOf } from './ticket-clock.ts';
import type { TicketStatus } from './ticket.ts';

const FRESH: TicketClock = {
  firstReplyAt: null,
  awaitingReplySince: null,
  solvedAt: null,
  pausedSince: null,
  pauses: [],
};
const status = (from: TicketStatus, to: TicketStatus): ClockEvent => ({ kind: 'status', from, to });

describe('advanceClock', () => {
  it.each<[string, TicketClock, ClockEvent, Partial<TicketClock>]>([
    ['a first reply stops the first-response clock', FRESH, { kind: 'public_reply' }, { firstReplyAt: 50 }],
    [
      'a later reply answers the waiting customer, keeping the first reply',
      { ...FRESH, firstReplyAt: 10, awaitingReplySince: 30 },
      { kind: 'public_reply' },
      { firstReplyAt: 10, awaitingReplySince: null },
    ],
    [
      'a customer message before any reply starts nothing new',
      FRESH,
      { kind: 'customer_message' },
      { awaitingReplySince: null },
    ],
    [
      'a customer message after a reply starts the next-response clock',
      { ...FRESH, firstReplyAt: 10 },
      { kind: 'customer_message' },
      { awaitingReplySince: 50 },
    ],
    [
      'a second customer message keeps the oldest unanswered one',
      { ...FRESH, firstReplyAt: 10, awaitingReplySince: 30 },
      { kind: 'customer_message' },
      { awaitingReplySince: 30 },
    ],
    ['waiting on the customer pauses', FRESH, status('open', 'pending'), { pausedSince: 50 }],
    [
      'back to open ends the pause',
      { ...FRESH, pausedSince: 20 },
      status('pending', 'open'),
      { pausedSince: null, pauses: [[20, 50]] },
    ],
    [
      'solving a waiting ticket ends the pause at the solve',
      { ...FRESH, pausedSince: 20 },
      status('pending', 'solved'),
      { pausedSince: null, pauses: [[20, 50]], solvedAt: 50 },
    ],
    [
      'reopening a solved ticket counts the solved stretch as a pause',
      { ...FRESH, solvedAt: 20 },
      status('solved', 'open'),
      { solvedAt: null, pausedSince: null, pauses: [[20, 50]] },
    ],
    [
      'reopening into waiting closes the solved stretch, then pauses anew',
      { ...FRESH, solvedAt: 20 },
      status('solved', 'pending'),
      { solvedAt: null, pausedSince: 50, pauses: [[20, 50]] },
    ],
    [
      'solved to closed stays solved',
      { ...FRESH, solvedAt: 20 },
      status('solved', 'closed'),
      { solvedAt: 20, pauses: [] },
    ],
    ['open to on hold changes nothing', FRESH, status('open', 'on_hold'), FRESH],
  ])('%s', (_title, before, event, expected) => {
    expect(advanceClock(before, event, 50)).toEqual({ ...before, ...expected });
  });

  it('joins the two oldest pauses rather than grow past its limit', () => {
    const pauses = Array.from({ length: 200 }, (_, i): [number, number] => [i * 10, i * 10 + 5]);
    const after = advanceClock({ ...FRESH, pauses, pausedSince: 5_000 }, status('pending', 'open'), 5_100);
    expect(after.pauses).toHaveLength(200);
    expect(after.pauses[0]).toEqual([0, 15]);
    expect(after.pauses.at(-1)).toEqual([5_000, 5_100]);
  });
});

describe('clockOf a ticket written before clocks existed', () => {
  it.each<[TicketStatus, Partial<TicketClock>]>([
    ['open', {}],
    ['pending', { pausedSince: 700 }],
    ['solved', { solvedAt: 700 }],
    ['closed', { solvedAt: 700 }],
  ])('%s', (ticketStatus, expected) => {
    expect(clockOf({ status: ticketStatus, updatedAt: 700 })).toEqual({ ...FRESH, ...expected });
  });
});
