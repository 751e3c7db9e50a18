import { describe, expect, it } from 'vitest';
import { defaultSlaConfig } from '../domain/sla-config.ts';
import type { Ticket } from '../domain/ticket.ts';
import { advanceClock, clockOf } from '../domain/ticket-clock.ts';
import { HOUR, MINUTE, at } from '../sla/sla-fixtures.ts';
import { withStatus } from '../sync/mutators/ticket/ticket-rules.ts';
import { ticketFixture } from '../testing/fixtures.ts';
import {
  REOPEN_GRACE_MS,
  breachesOfChange,
  breachesOnRecord,
  liveBreaches,
  reopenOfChange,
} from './ticket-failures.ts';

// Urgent tickets run around the clock in the starter policies: first reply 30 min, next reply 1 h, resolution 4 h.
const CONFIG = defaultSlaConfig(0);
const T0 = at('2026-03-04T10:00Z');

const urgent = (overrides: Partial<Ticket> = {}): Ticket =>
  ticketFixture({ number: 1042, priority: 'urgent', status: 'open', createdAt: T0, updatedAt: T0, ...overrides });
const replied = (ticket: Ticket, when: number): Ticket => ({
  ...ticket,
  clock: advanceClock(clockOf(ticket), { kind: 'public_reply' }, when),
});

describe('breachesOfChange', () => {
  it.each<
    [string, Ticket, (ticket: Ticket, when: number) => Ticket, number, { key: string; at: number; what: string }[]]
  >([
    [
      'a first reply 3 h after its deadline',
      urgent(),
      replied,
      T0 + 3.5 * HOUR,
      [
        {
          key: `sla:tkt_000001:first_response:${T0}`,
          at: T0 + 30 * MINUTE,
          what: 'First reply 3 h late on #1042',
        },
      ],
    ],
    ['a first reply in time', urgent(), replied, T0 + 10 * MINUTE, []],
    [
      'solving without a reply stops both late clocks',
      urgent(),
      (ticket, when) => withStatus(ticket, 'solved', when),
      T0 + 5 * HOUR,
      [
        { key: `sla:tkt_000001:first_response:${T0}`, at: T0 + 30 * MINUTE, what: 'First reply 5 h late on #1042' },
        { key: `sla:tkt_000001:resolution:${T0}`, at: T0 + 4 * HOUR, what: 'Resolution 1 h late on #1042' },
      ],
    ],
    [
      'a late answer to the customer’s follow-up',
      urgent({
        clock: {
          firstReplyAt: T0 + 10 * MINUTE,
          awaitingReplySince: T0 + HOUR,
          solvedAt: null,
          pausedSince: null,
          pauses: [],
        },
      }),
      replied,
      T0 + 2 * HOUR + 45 * MINUTE,
      [
        {
          key: `sla:tkt_000001:next_response:${T0 + HOUR}`,
          at: T0 + 2 * HOUR,
          what: 'Reply 45 min late on #1042',
        },
      ],
    ],
    [
      'time waiting on the customer does not count',
      urgent({
        status: 'pending',
        clock: {
          firstReplyAt: null,
          awaitingReplySince: null,
          solvedAt: null,
          pausedSince: T0 + 10 * MINUTE,
          pauses: [],
        },
      }),
      replied,
      T0 + 5 * HOUR,
      [],
    ],
    [
      'a change that stops no clock (priority)',
      urgent(),
      (ticket) => ({ ...ticket, priority: 'low' }),
      T0 + 5 * HOUR,
      [],
    ],
    [
      'a clock that had already stopped is not judged again',
      urgent({
        clock: { firstReplyAt: T0 + 2 * HOUR, awaitingReplySince: null, solvedAt: null, pausedSince: null, pauses: [] },
      }),
      (ticket, when) => withStatus(ticket, 'solved', when),
      T0 + 3 * HOUR,
      [],
    ],
  ])('%s', (_title, before, change, when, expected) => {
    const failures = breachesOfChange(before, change(before, when), CONFIG, when);
    expect(failures.map(({ key, at: failedAt, what }) => ({ key, at: failedAt, what }))).toEqual(expected);
    for (const failure of failures)
      expect(failure).toMatchObject({ kind: 'sla_breach', ticketId: 'tkt_000001', ticketNumber: 1042 });
  });
});

describe('reopenOfChange', () => {
  const solved = withStatus(urgent(), 'solved', T0 + HOUR);
  const reopenAt = (when: number) => withStatus(solved, 'open', when);

  it.each<[string, number, 'agent' | 'customer', string | null]>([
    ['an agent reopens it an hour later', T0 + 2 * HOUR, 'agent', '#1042 reopened after it was solved'],
    ['an agent undoes a solve at once', T0 + HOUR + REOPEN_GRACE_MS - 1, 'agent', null],
    [
      'the customer writes again at once',
      T0 + HOUR + MINUTE,
      'customer',
      '#1042 reopened: the customer wrote again after it was solved',
    ],
  ])('%s', (_title, when, by, what) => {
    const failure = reopenOfChange(solved, reopenAt(when), when, by);
    expect(failure?.what ?? null).toBe(what);
    if (failure) expect(failure).toMatchObject({ kind: 'reopened', key: `reopened:tkt_000001:${T0 + HOUR}`, at: when });
  });

  it('only a solved ticket going back to work is a reopen', () => {
    expect(reopenOfChange(urgent(), withStatus(urgent(), 'pending', T0 + HOUR), T0 + HOUR, 'agent')).toBeNull();
    expect(reopenOfChange(solved, withStatus(solved, 'closed', T0 + 3 * HOUR), T0 + 3 * HOUR, 'agent')).toBeNull();
  });
});

describe('liveBreaches', () => {
  const now = T0 + 3.5 * HOUR;
  const other = (overrides: Partial<Ticket>) => urgent({ id: 'tkt_000002' as never, number: 1043, ...overrides });

  it('lists a deadline passed on another active ticket, keyed like the breach its late answer records', () => {
    const [live] = liveBreaches([other({})], CONFIG, now);
    expect(live).toMatchObject({
      key: `sla:tkt_000002:first_response:${T0}`,
      kind: 'sla_breach',
      at: T0 + 30 * MINUTE,
      ticketNumber: 1043,
      what: 'First reply 3 h overdue on #1043',
    });
    const answered = replied(other({}), now);
    expect(breachesOfChange(other({}), answered, CONFIG, now)[0]?.key).toBe(live?.key);
  });

  it.each<[string, Partial<Ticket>, string | undefined, number]>([
    ['the ticket on screen is left out', {}, 'tkt_000002', 0],
    ['a ticket still in time', { createdAt: now - 10 * MINUTE, updatedAt: now - 10 * MINUTE }, undefined, 0],
    ['a solved ticket', { status: 'solved' }, undefined, 0],
    [
      'a ticket that went past its deadline before waiting on the customer',
      {
        status: 'pending',
        clock: { firstReplyAt: null, awaitingReplySince: null, solvedAt: null, pausedSince: T0 + HOUR, pauses: [] },
      },
      undefined,
      1,
    ],
  ])('%s', (_title, overrides, except, count) => {
    expect(liveBreaches([other(overrides)], CONFIG, now, except)).toHaveLength(count);
  });
});

describe('breachesOnRecord', () => {
  const history = (firstReplyAt: number | null, solvedAt: number) =>
    urgent({
      status: 'solved',
      clock: { firstReplyAt, awaitingReplySince: null, solvedAt, pausedSince: null, pauses: [] },
    });

  it.each<[string, Ticket, ('first_response' | 'resolution')[], string[]]>([
    [
      'a late first reply and a late solve',
      history(T0 + 2 * HOUR, T0 + 6 * HOUR),
      ['first_response', 'resolution'],
      ['First reply 2 h late on #1042', 'Resolution 2 h late on #1042'],
    ],
    ['both in time', history(T0 + 10 * MINUTE, T0 + HOUR), ['first_response', 'resolution'], []],
    [
      'only the metrics the source recorded are judged',
      history(null, T0 + 6 * HOUR),
      ['resolution'],
      ['Resolution 2 h late on #1042'],
    ],
  ])('%s', (_title, ticket, metrics, whats) => {
    expect(breachesOnRecord(ticket, CONFIG, new Set(metrics)).map((failure) => failure.what)).toEqual(whats);
  });
});
