import { describe, expect, it } from 'vitest';
import type { CustomerFailure } from '../domain/customer-failure.ts';
import type { TicketPriority } from '../domain/ticket.ts';
import { DAY_MS, MINUTE_MS } from '../sla/zoned-time.ts';
import { assessTrust, daysAgo } from './assess-trust.ts';

const NOW = Date.UTC(2026, 2, 15, 12, 0);

function failure(daysBefore: number, what = 'First reply 3 h late on #1042', key = `k${daysBefore}`): CustomerFailure {
  return { key, kind: 'sla_breach', at: NOW - daysBefore * DAY_MS, what };
}

describe('assessTrust', () => {
  it.each<{
    title: string;
    failures: CustomerFailure[];
    priority: TicketPriority;
    atRisk: boolean;
    suggested: TicketPriority | null;
    reason: string | null;
  }>([
    {
      title: 'a breach 10 days ago: at risk, one step up from Normal, and why',
      failures: [failure(10)],
      priority: 'normal',
      atRisk: true,
      suggested: 'high',
      reason: 'Failed 10 days ago: first reply 3 h late on #1042',
    },
    {
      title: 'a breach 100 days ago: not at risk, nothing suggested',
      failures: [failure(100)],
      priority: 'normal',
      atRisk: false,
      suggested: null,
      reason: null,
    },
    {
      title: 'exactly 90 days ago still counts',
      failures: [failure(90)],
      priority: 'normal',
      atRisk: true,
      suggested: 'high',
      reason: 'Failed 90 days ago: first reply 3 h late on #1042',
    },
    {
      title: 'a minute past 90 days does not',
      failures: [{ ...failure(90), at: NOW - 90 * DAY_MS - MINUTE_MS }],
      priority: 'normal',
      atRisk: false,
      suggested: null,
      reason: null,
    },
    {
      title: 'several failures in the window: urgent, counted, the newest named',
      failures: [
        failure(40, 'Hit by the problem “Login fails” (#1001)'),
        failure(3, '#1050 reopened after it was solved'),
      ],
      priority: 'normal',
      atRisk: true,
      suggested: 'urgent',
      reason: 'Failed 2 times in the last 90 days, most recently 3 days ago: #1050 reopened after it was solved',
    },
    {
      title: 'only the failures in the window are counted',
      failures: [failure(200), failure(120), failure(10)],
      priority: 'normal',
      atRisk: true,
      suggested: 'high',
      reason: 'Failed 10 days ago: first reply 3 h late on #1042',
    },
    {
      title: 'a low ticket goes to the same floor (High)',
      failures: [failure(10)],
      priority: 'low',
      atRisk: true,
      suggested: 'high',
      reason: 'Failed 10 days ago: first reply 3 h late on #1042',
    },
    {
      title: 'never lower: a high ticket with one failure stays high (nothing to suggest)',
      failures: [failure(10)],
      priority: 'high',
      atRisk: true,
      suggested: null,
      reason: 'Failed 10 days ago: first reply 3 h late on #1042',
    },
    {
      title: 'never lower: an urgent ticket with repeated failures stays urgent',
      failures: [failure(10), failure(20)],
      priority: 'urgent',
      atRisk: true,
      suggested: null,
      reason: 'Failed 2 times in the last 90 days, most recently 10 days ago: first reply 3 h late on #1042',
    },
    {
      title: 'a failure today',
      failures: [failure(0.25, 'First reply 2 h overdue on #1043')],
      priority: 'normal',
      atRisk: true,
      suggested: 'high',
      reason: 'Failed today: first reply 2 h overdue on #1043',
    },
    {
      title: 'no failures at all',
      failures: [],
      priority: 'low',
      atRisk: false,
      suggested: null,
      reason: null,
    },
  ])('$title', ({ failures, priority, atRisk, suggested, reason }) => {
    const assessment = assessTrust(failures, NOW, { priority });
    expect(assessment.atRisk).toBe(atRisk);
    expect(assessment.suggestedPriority).toBe(suggested);
    expect(assessment.reason).toBe(reason);
  });

  it('lists the recent failures newest first, whatever order the ledger came in', () => {
    const assessment = assessTrust([failure(30), failure(100), failure(2), failure(60)], NOW, { priority: 'normal' });
    expect(assessment.recent.map((f) => f.key)).toEqual(['k2', 'k30', 'k60']);
  });

  it('accepting the suggestion ends it (a floor, not a step each time)', () => {
    const first = assessTrust([failure(10)], NOW, { priority: 'normal' });
    expect(first.suggestedPriority).toBe('high');
    expect(assessTrust([failure(10)], NOW, { priority: first.suggestedPriority ?? 'normal' }).suggestedPriority).toBe(
      null,
    );
  });
});

describe('daysAgo', () => {
  it.each([
    [0, 'today'],
    [0.99, 'today'],
    [1, '1 day ago'],
    [1.5, '1 day ago'],
    [10, '10 days ago'],
    [-0.5, 'today'],
  ])('%s days → %s', (days, words) => {
    expect(daysAgo(NOW - days * DAY_MS, NOW)).toBe(words);
  });
});
