import { z } from 'zod';
import { EpochMs } from './ids.ts';
import type { TicketStatus } from './ticket.ts';

/** Most finished pauses a ticket remembers; past that the two oldest are joined (see closePause). */
export const MAX_CLOCK_PAUSES = 200;

/**
 * The facts SLA clocks are computed from, kept on the ticket itself so a
 * device can work out any ticket's deadlines without reading its history.
 * Every mutator that changes a ticket, and the server's intake, keep it up to
 * date through `advanceClock`; the SLA maths (shared/sla/) only read it.
 */
export const TicketClock = z.object({
  /** The first public reply by an agent: stops the first-response clock. */
  firstReplyAt: EpochMs.nullable(),
  /**
   * After the first reply: the oldest customer message no public reply has
   * answered yet. It starts the next-response clock; a public reply clears it.
   */
  awaitingReplySince: EpochMs.nullable(),
  /** When the ticket was last solved; null while it is not. Stops the resolution clock. */
  solvedAt: EpochMs.nullable(),
  /** While the ticket waits on the customer (pending): since when. Every clock is paused meanwhile. */
  pausedSince: EpochMs.nullable(),
  /** Finished pauses, oldest first, as [from, to). */
  pauses: z.array(z.tuple([EpochMs, EpochMs])).max(MAX_CLOCK_PAUSES),
});
export type TicketClock = z.infer<typeof TicketClock>;

/** Statuses that stop the clocks by waiting on the customer. */
const PAUSING: ReadonlySet<TicketStatus> = new Set(['pending']);
const SOLVED: ReadonlySet<TicketStatus> = new Set(['solved', 'closed']);

/**
 * The clock of a ticket that has none yet (written before clocks existed):
 * the best reading of its status, assuming no reply, since its history is not at hand.
 */
export function clockOf(ticket: {
  status: TicketStatus;
  updatedAt: number;
  clock?: TicketClock | undefined;
}): TicketClock {
  if (ticket.clock) return ticket.clock;
  return {
    firstReplyAt: null,
    awaitingReplySince: null,
    solvedAt: SOLVED.has(ticket.status) ? ticket.updatedAt : null,
    pausedSince: PAUSING.has(ticket.status) ? ticket.updatedAt : null,
    pauses: [],
  };
}

/** What happened to a ticket, as far as its clocks care. */
export type ClockEvent =
  { kind: 'status'; from: TicketStatus; to: TicketStatus } | { kind: 'public_reply' } | { kind: 'customer_message' };

function closePause(clock: TicketClock, at: number): TicketClock {
  if (clock.pausedSince === null) return clock;
  let pauses = [...clock.pauses, [clock.pausedSince, Math.max(at, clock.pausedSince)] as [number, number]];
  // A ticket that went to pending hundreds of times: joining the two oldest pauses counts the gap
  // between them as paused, which errs towards the customer only for that long-ago stretch.
  while (pauses.length > MAX_CLOCK_PAUSES) {
    const [first, second, ...rest] = pauses as [[number, number], [number, number], ...[number, number][]];
    pauses = [[first[0], second[1]], ...rest];
  }
  return { ...clock, pausedSince: null, pauses };
}

/**
 * Reopening a solved ticket: the time it sat solved was nobody's to work, so
 * it counts as a pause (as waiting on the customer does) and the clocks carry
 * on from where solving stopped them.
 */
function reopen(clock: TicketClock, at: number): TicketClock {
  if (clock.solvedAt === null) return clock;
  return closePause({ ...clock, solvedAt: null, pausedSince: clock.pausedSince ?? clock.solvedAt }, at);
}

/**
 * The clock after `event` at `at`. Pure: server mutators, the client's
 * optimistic copy and intake all advance it the same way.
 */
export function advanceClock(clock: TicketClock, event: ClockEvent, at: number): TicketClock {
  switch (event.kind) {
    case 'public_reply':
      return { ...clock, firstReplyAt: clock.firstReplyAt ?? at, awaitingReplySince: null };
    case 'customer_message':
      // Before the first reply, the first-response clock is still running: nothing new starts.
      if (clock.firstReplyAt === null || clock.awaitingReplySince !== null) return clock;
      return { ...clock, awaitingReplySince: at };
    case 'status': {
      // Order matters: a pause ends and a solved stretch is closed before a new pause or solve begins.
      let next = clock;
      if (PAUSING.has(event.from) && !PAUSING.has(event.to)) next = closePause(next, at);
      if (SOLVED.has(event.from) && !SOLVED.has(event.to)) next = reopen(next, at);
      if (SOLVED.has(event.to) && !SOLVED.has(event.from)) next = { ...next, solvedAt: at };
      if (!PAUSING.has(event.from) && PAUSING.has(event.to)) next = { ...next, pausedSince: at };
      return next;
    }
  }
}
