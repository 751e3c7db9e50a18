import { describe, expect, it } from 'vitest';
import type { Escalation, EscalationRegression, EscalationStatus } from '../domain/escalation.ts';
import { escalationFixture } from '../testing/fixtures.ts';
import {
  type ConsoleFilter,
  analystConsoleList,
  analystMoves,
  authorMoves,
  describeDuration,
  describeImpact,
  describeReadyAge,
  describeSentAge,
  describeRegression,
  myPackets,
  nextQuestionId,
} from './analyst-console.ts';

const packet = (id: string, overrides: Partial<Escalation>): Escalation =>
  escalationFixture({ id: id as never, ...overrides });

const PACKETS: Escalation[] = [
  packet('esc_a', { status: 'sent', severity: 'sev3', sentAt: 1_000, analystId: null }),
  packet('esc_b', { status: 'in_progress', severity: 'sev1', sentAt: 5_000, analystId: 'usr_priya' as never }),
  packet('esc_c', { status: 'needs_info', severity: 'sev3', sentAt: 500, analystId: 'usr_priya' as never }),
  packet('esc_d', { status: 'forwarded', severity: 'sev2', sentAt: 2_000, analystId: 'usr_omar' as never }),
  packet('esc_e', { status: 'draft', severity: 'sev1', createdBy: 'usr_priya' as never }),
  packet('esc_f', {
    status: 'fixed',
    severity: 'sev2',
    sentAt: 100,
    analystId: 'usr_priya' as never,
    resolution: { outcome: 'fixed', note: 'Fixed', at: 9_000, by: 'usr_priya' as never },
  }),
  packet('esc_g', {
    status: 'wont_fix',
    severity: 'sev4',
    sentAt: 100,
    analystId: 'usr_omar' as never,
    resolution: { outcome: 'wont_fix', note: 'As designed', at: 9_500, by: 'usr_omar' as never },
  }),
  packet('esc_h', { status: 'withdrawn', severity: 'sev1' }),
];

describe('analystConsoleList', () => {
  it.each<[ConsoleFilter, string[]]>([
    ['mine', ['esc_b', 'esc_c']],
    ['unassigned', ['esc_a']],
    ['open', ['esc_b', 'esc_d', 'esc_c', 'esc_a']],
    ['finished', ['esc_g', 'esc_f']],
  ])('%s', (filter, ids) => {
    expect(analystConsoleList(PACKETS, filter, 'usr_priya').map((row) => row.id)).toEqual(ids);
  });
});

describe('myPackets', () => {
  it('lists what I wrote in any status, newest first', () => {
    const mine = [
      packet('esc_old', { createdAt: 1 }),
      packet('esc_new', { createdAt: 3, status: 'fixed' }),
      packet('esc_not', { createdAt: 2, createdBy: 'usr_omar' as never }),
    ];
    expect(myPackets(mine, 'usr_agent').map((row) => row.id)).toEqual(['esc_new', 'esc_old']);
  });
});

describe('moves', () => {
  it.each<[EscalationStatus, string[]]>([
    ['draft', []],
    ['sent', ['acknowledge', 'ask', 'start', 'forward', 'resolve']],
    ['acknowledged', ['ask', 'start', 'forward', 'resolve']],
    ['needs_info', ['ask', 'resolve']],
    ['in_progress', ['ask', 'forward', 'resolve']],
    ['forwarded', ['ask', 'start', 'forward', 'resolve']],
    ['fixed', ['reopen']],
    ['wont_fix', ['reopen']],
    ['withdrawn', []],
  ])('an analyst on a %s packet', (status, moves) => {
    expect(analystMoves({ status })).toEqual(moves);
  });

  const open = {
    id: 'q1',
    askedBy: 'usr_priya',
    askedAt: 1,
    text: 'Which version?',
  } as Escalation['questions'][number];
  it.each<[string, Partial<Escalation>, string, string[]]>([
    ['a draft of mine', { status: 'draft' }, 'usr_agent', ['edit']],
    ['a question waiting on me', { status: 'needs_info', questions: [open] }, 'usr_agent', ['edit', 'answer']],
    ['someone else’s packet', { status: 'needs_info', questions: [open] }, 'usr_omar', []],
    ['fixed, not followed up', { status: 'fixed' }, 'usr_agent', ['followUp']],
    [
      'fixed and followed up',
      { status: 'fixed', followUp: { at: 1, by: 'usr_agent' as never, tickets: 2 } },
      'usr_agent',
      [],
    ],
    ['in progress', { status: 'in_progress' }, 'usr_agent', []],
  ])('the author on %s', (_title, overrides, me, moves) => {
    expect(authorMoves(packet('esc_x', overrides), me)).toEqual(moves);
  });
});

describe('wording', () => {
  it.each<[{ tickets: number; customers: number }, string]>([
    [{ tickets: 1, customers: 1 }, '1 ticket · 1 customer'],
    [{ tickets: 12, customers: 0 }, '12 tickets · 0 customers'],
  ])('impact %j', (impact, text) => {
    expect(describeImpact(impact)).toBe(text);
  });

  const numberOf = (id: string) => (id === 'tkt_000001' ? '#1203' : 'a ticket');
  it.each<[Partial<EscalationRegression>, string]>([
    [{ kind: 'reopened', ticketId: 'tkt_000001' as never }, '#1203 reopened'],
    [
      { kind: 'similar', ticketId: 'tkt_000002' as never, matchedTicketId: 'tkt_000001' as never, score: 0.45 },
      'a ticket looks like #1203 (0.45)',
    ],
    [{ kind: 'similar', ticketId: 'tkt_000002' as never }, 'a ticket looks like the fixed tickets'],
  ])('regression %j', (regression, text) => {
    expect(describeRegression({ at: 1, ...regression } as EscalationRegression, numberOf)).toBe(text);
  });

  it('draws a question id no other question on the packet has', () => {
    const questions = [{ id: 'q2-ab' }, { id: 'q3-ab' }] as Escalation['questions'];
    expect(nextQuestionId({ questions }, 'ab')).toBe('q4-ab');
    expect(nextQuestionId({ questions: [] }, 'x'.repeat(50))).toHaveLength(40);
  });
});

describe('ages', () => {
  const MIN = 60_000;
  it.each<[number, string]>([
    [10_000, 'less than a minute'],
    [12 * MIN, '12 min'],
    [60 * MIN, '1 h'],
    [185 * MIN, '3 h 5 min'],
    [48 * 60 * MIN, '2 d'],
    [52 * 60 * MIN, '2 d 4 h'],
  ])('%i ms is %s', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });

  it.each<[Partial<Escalation>, string]>([
    [{}, 'not sent'],
    [{ sentAt: 100 * MIN - 5_000 }, 'sent just now'],
    [{ sentAt: 88 * MIN }, 'sent 12 min ago'],
  ])('sent %j', (packet, text) => {
    expect(describeSentAge(packet, 100 * MIN)).toBe(text);
  });

  it.each<[Pick<Escalation, 'status' | 'readyAt' | 'sentAt'>, string]>([
    [{ status: 'draft' }, 'Not ready yet'],
    [{ status: 'draft', readyAt: 80 * MIN }, 'Ready for 20 min, not sent'],
    [{ status: 'sent', readyAt: 80 * MIN, sentAt: 80 * MIN + 10_000 }, 'Sent as soon as it was ready'],
    [{ status: 'fixed', readyAt: 50 * MIN, sentAt: 95 * MIN }, 'Sent 45 min after it was ready'],
  ])('readiness %j', (packet, text) => {
    expect(describeReadyAge(packet, 100 * MIN)).toBe(text);
  });
});
