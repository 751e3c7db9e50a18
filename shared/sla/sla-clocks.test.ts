import { describe, expect, it } from 'vitest';
import { defaultSlaConfig, type SlaConfig, type SlaPolicy } from '../domain/sla-config.ts';
import type { TicketPriority, TicketStatus } from '../domain/ticket.ts';
import { advanceClock, type ClockEvent, type TicketClock } from '../domain/ticket-clock.ts';
import { nextDeadline, type SlaTicket, slaClocks } from './sla-clocks.ts';
import { at, HOUR, MINUTE } from './sla-fixtures.ts';

// Default policies (shared/domain/sla-config.ts): normal = 4 h / 8 h / 24 h business,
// high = 1 h / 4 h / 8 h business, urgent = 30 min / 1 h / 4 h around the clock.
// January 2026: Mon 5th … Fri 9th, weekend 10th–11th.
const utc = defaultSlaConfig(0, 'UTC');
const berlin = defaultSlaConfig(0, 'Europe/Berlin');
const newYork = defaultSlaConfig(0, 'America/New_York');

const NO_CLOCK: TicketClock = {
  firstReplyAt: null,
  awaitingReplySince: null,
  solvedAt: null,
  pausedSince: null,
  pauses: [],
};

/** A ticket created at `created`, with its clock advanced through `events` ([ISO instant, event]). */
function ticket(
  priority: TicketPriority,
  created: string,
  events: [string, ClockEvent][] = [],
  status: TicketStatus = 'open',
): SlaTicket {
  const clock = events.reduce((c, [when, event]) => advanceClock(c, event, at(when)), NO_CLOCK);
  return { priority, status, createdAt: at(created), updatedAt: at(created), clock };
}

const reply: ClockEvent = { kind: 'public_reply' };
const customer: ClockEvent = { kind: 'customer_message' };
const toPending: ClockEvent = { kind: 'status', from: 'open', to: 'pending' };
const fromPending: ClockEvent = { kind: 'status', from: 'pending', to: 'open' };
const solve: ClockEvent = { kind: 'status', from: 'open', to: 'solved' };

function withPolicy(config: SlaConfig, priority: TicketPriority, change: Partial<SlaPolicy>): SlaConfig {
  return { ...config, policies: { ...config.policies, [priority]: { ...config.policies[priority], ...change } } };
}

describe('a new ticket on business hours', () => {
  it('runs first response and resolution from creation', () => {
    expect(slaClocks(ticket('normal', '2026-01-05T15:00Z'), utc)).toEqual([
      {
        metric: 'first_response',
        startedAt: at('2026-01-05T15:00Z'),
        targetMs: 4 * HOUR,
        state: 'running',
        dueAt: at('2026-01-06T11:00Z'),
      },
      {
        metric: 'resolution',
        startedAt: at('2026-01-05T15:00Z'),
        targetMs: 24 * HOUR,
        state: 'running',
        dueAt: at('2026-01-08T15:00Z'),
      },
    ]);
    expect(nextDeadline(ticket('normal', '2026-01-05T15:00Z'), utc)).toBe(at('2026-01-06T11:00Z'));
  });

  it.each([
    ['Saturday noon', '2026-01-10T12:00Z', '2026-01-12T10:00Z'],
    ['Monday night', '2026-01-05T22:00Z', '2026-01-06T10:00Z'],
    ['Monday before opening', '2026-01-05T07:00Z', '2026-01-05T10:00Z'],
  ])('created outside hours (%s): the clock starts at the next opening', (_label, created, due) => {
    expect(nextDeadline(ticket('high', created), utc)).toBe(at(due));
  });

  it.each([
    // Created Monday 14:00Z, 4 h first response: 15:00 local in Berlin, 09:00 local in New York.
    // UTC: 14:00 local, so 3 h on Monday and 1 h on Tuesday, like Berlin by coincidence.
    ['Europe/Berlin', berlin, '2026-01-06T10:00Z'],
    ['America/New_York', newYork, '2026-01-05T18:00Z'],
    ['UTC', utc, '2026-01-06T10:00Z'],
  ])('two time zones, one ticket: %s', (_zone, config, due) => {
    expect(nextDeadline(ticket('normal', '2026-01-05T14:00Z'), config)).toBe(at(due));
  });

  it.each([
    // Berlin office hours, Friday 16:00 local, 4 h: DST moved the Monday opening in UTC.
    ['spring', '2026-03-27T15:00Z', '2026-03-30T10:00Z'],
    ['autumn', '2026-10-23T14:00Z', '2026-10-26T11:00Z'],
  ])('across the %s DST change', (_label, created, due) => {
    expect(nextDeadline(ticket('normal', created), berlin)).toBe(at(due));
  });

  it('skips the calendar holiday', () => {
    const config: SlaConfig = {
      ...utc,
      calendar: { ...utc.calendar, holidays: [{ date: '2026-01-06', name: 'Epiphany' }] },
    };
    expect(nextDeadline(ticket('normal', '2026-01-05T15:00Z'), config)).toBe(at('2026-01-07T11:00Z'));
  });
});

describe('a 24×7 policy (urgent)', () => {
  it('counts every minute, weekends and DST changes included', () => {
    expect(slaClocks(ticket('urgent', '2026-01-10T12:00Z'), utc).map((c) => c.dueAt)).toEqual([
      at('2026-01-10T12:30Z'),
      at('2026-01-10T16:00Z'),
    ]);
    expect(nextDeadline(ticket('urgent', '2026-03-29T00:45Z'), berlin)).toBe(at('2026-03-29T01:15Z'));
  });
});

describe('pause and resume (pending)', () => {
  const created = '2026-01-05T09:00Z';
  const replied: [string, ClockEvent] = ['2026-01-05T10:00Z', reply];

  it('a paused clock has no due instant, keeps what was left, and leaves nextDeadline empty', () => {
    const paused = ticket('normal', created, [replied, ['2026-01-05T11:00Z', toPending]], 'pending');
    expect(slaClocks(paused, utc)).toEqual([
      {
        metric: 'first_response',
        startedAt: at(created),
        targetMs: 4 * HOUR,
        state: 'met',
        dueAt: at('2026-01-05T13:00Z'),
        stoppedAt: at('2026-01-05T10:00Z'),
        breached: false,
      },
      {
        metric: 'resolution',
        startedAt: at(created),
        targetMs: 24 * HOUR,
        state: 'paused',
        dueAt: null,
        remainingWorkingMsAtPause: 22 * HOUR,
      },
    ]);
    expect(nextDeadline(paused, utc)).toBeNull();
  });

  it.each([
    // Paused Monday 11:00 (2 h used): 22 h left from the resumption.
    ['resumed next morning: the evening pause costs nothing extra', '2026-01-06T10:00Z', '2026-01-08T16:00Z'],
    ['paused for an hour inside business hours', '2026-01-05T12:00Z', '2026-01-08T10:00Z'],
    ['resumed on Saturday: runs from Monday', '2026-01-10T10:00Z', '2026-01-14T15:00Z'],
  ])('%s', (_label, resumed, due) => {
    const t = ticket('normal', created, [replied, ['2026-01-05T11:00Z', toPending], [resumed, fromPending]]);
    expect(nextDeadline(t, utc)).toBe(at(due));
  });

  it('pauses on a 24×7 policy too', () => {
    const t = ticket('urgent', '2026-01-10T12:00Z', [
      ['2026-01-10T12:10Z', reply],
      ['2026-01-10T13:00Z', toPending],
      ['2026-01-10T20:00Z', fromPending],
    ]);
    expect(nextDeadline(t, utc)).toBe(at('2026-01-10T23:00Z'));
  });
});

describe('next response after a customer follow-up', () => {
  const events: [string, ClockEvent][] = [
    ['2026-01-05T09:30Z', reply],
    ['2026-01-05T14:00Z', customer],
  ];

  it('runs from the customer message, and is the next deadline', () => {
    const t = ticket('normal', '2026-01-05T09:00Z', events);
    expect(slaClocks(t, utc).map((c) => [c.metric, c.state, c.dueAt])).toEqual([
      ['first_response', 'met', at('2026-01-05T13:00Z')],
      ['next_response', 'running', at('2026-01-06T14:00Z')],
      ['resolution', 'running', at('2026-01-07T17:00Z')],
    ]);
    expect(nextDeadline(t, utc)).toBe(at('2026-01-06T14:00Z'));
  });

  it('disappears once answered', () => {
    const t = ticket('normal', '2026-01-05T09:00Z', [...events, ['2026-01-06T10:00Z', reply]]);
    expect(slaClocks(t, utc).map((c) => c.metric)).toEqual(['first_response', 'resolution']);
    expect(nextDeadline(t, utc)).toBe(at('2026-01-07T17:00Z'));
  });
});

describe('met clocks', () => {
  it.each([
    ['in time', '2026-01-05T12:59Z', false],
    ['exactly at due', '2026-01-05T13:00Z', false],
    ['late', '2026-01-05T13:01Z', true],
  ])('first reply %s', (_label, replyAt, breached) => {
    const [first] = slaClocks(ticket('normal', '2026-01-05T09:00Z', [[replyAt, reply]]), utc);
    expect(first).toMatchObject({ state: 'met', stoppedAt: at(replyAt), dueAt: at('2026-01-05T13:00Z'), breached });
  });

  it('solving stops every clock, a reply still owed included', () => {
    const t = ticket('normal', '2026-01-06T09:00Z', [['2026-01-06T15:00Z', solve]], 'solved');
    expect(slaClocks(t, utc).map((c) => [c.metric, c.state, c.state === 'met' && c.breached])).toEqual([
      ['first_response', 'met', true],
      ['resolution', 'met', false],
    ]);
    expect(nextDeadline(t, utc)).toBeNull();
  });

  it('a pause still open when a clock stopped ends there', () => {
    // Pending from Monday 10:00 (1 h used) and solved Wednesday 12:00 without leaving pending:
    // 23 h left from Wednesday 12:00 run to Monday 11:00.
    const clock: TicketClock = {
      ...NO_CLOCK,
      firstReplyAt: at('2026-01-05T09:30Z'),
      pausedSince: at('2026-01-05T10:00Z'),
      solvedAt: at('2026-01-07T12:00Z'),
    };
    const resolution = slaClocks({ ...ticket('normal', '2026-01-05T09:00Z'), clock }, utc)[1];
    expect(resolution).toMatchObject({ state: 'met', dueAt: at('2026-01-12T11:00Z'), breached: false });
  });
});

describe('policy changed mid-ticket: the current config applies, counted from each clock start', () => {
  const t = ticket('normal', '2026-01-05T09:00Z', [['2026-01-05T12:00Z', reply]]);
  it.each([
    ['as before', {}, false, at('2026-01-07T17:00Z')],
    [
      'first response tightened to 2 h: the met reply is now late',
      { firstResponseMinutes: 120 },
      true,
      at('2026-01-07T17:00Z'),
    ],
    [
      'resolution tightened to 16 h: the running clock moves earlier',
      { resolutionMinutes: 960 },
      false,
      at('2026-01-06T17:00Z'),
    ],
    [
      'the whole policy moved to 24×7: resolution due 16 h after creation',
      { resolutionMinutes: 960, schedule: 'always' as const },
      false,
      at('2026-01-06T01:00Z'),
    ],
    [
      'first response 2 h around the clock: late; resolution 24 h after creation',
      { firstResponseMinutes: 120, schedule: 'always' as const },
      true,
      at('2026-01-06T09:00Z'),
    ],
  ])('%s', (_label, change, breached, resolutionDue) => {
    const [first, resolution] = slaClocks(t, withPolicy(utc, 'normal', change));
    expect(first).toMatchObject({ state: 'met', breached });
    expect(resolution).toMatchObject({ state: 'running', dueAt: resolutionDue });
  });

  it('a metric whose target is removed has no clock', () => {
    const config = withPolicy(utc, 'normal', { resolutionMinutes: null });
    expect(slaClocks(t, config).map((c) => c.metric)).toEqual(['first_response']);
    expect(nextDeadline(t, config)).toBeNull();
  });
});

describe('tickets without a clock (written before clocks existed)', () => {
  const base = { priority: 'normal' as const, createdAt: at('2026-01-05T09:00Z'), updatedAt: at('2026-01-05T11:00Z') };
  it.each([
    ['open: running from creation', 'open' as const, at('2026-01-05T13:00Z')],
    ['pending since its last update: paused', 'pending' as const, null],
    ['solved at its last update: met', 'solved' as const, null],
  ])('%s', (_label, status, deadline) => {
    expect(nextDeadline({ ...base, status }, utc)).toBe(deadline);
  });

  it('paused with the time left at the last update', () => {
    expect(slaClocks({ ...base, status: 'pending' }, utc)[0]).toMatchObject({
      state: 'paused',
      remainingWorkingMsAtPause: 2 * HOUR,
    });
  });
});

it('a due instant does not depend on when it is computed', () => {
  const t = ticket('low', '2026-01-09T16:59Z');
  expect(nextDeadline(t, utc)).toBe(at('2026-01-12T16:59Z'));
  expect(nextDeadline(t, utc)).toBe(at('2026-01-12T16:59Z'));
  expect(slaClocks(t, utc)[0]?.targetMs).toBe(480 * MINUTE);
});
