import { describe, expect, it } from 'vitest';
import { escalationFixture } from '#shared/testing/fixtures';
import { describeRegression, regressionNotices } from './ticket-escalation-view.ts';

const fixed = (id: string, regressions: object[], status: 'fixed' | 'sent' = 'fixed') =>
  escalationFixture({
    id: id as never,
    summary: 'Invoice PDFs blank',
    status,
    resolution: { outcome: 'fixed', note: 'Fixed', at: 5_000, by: 'usr_analyst' as never },
    regressions: regressions as never,
  });

describe('regressionNotices', () => {
  it.each<[string, ReturnType<typeof fixed>[], string[]]>([
    ['none', [], []],
    [
      'flagged as similar on a fixed escalation',
      [fixed('esc_a', [{ ticketId: 'tkt_me', kind: 'similar', at: 6_000 }])],
      ['esc_a'],
    ],
    ['another ticket flagged', [fixed('esc_a', [{ ticketId: 'tkt_other', kind: 'reopened', at: 6_000 }])], []],
    [
      'reopened since: being worked again',
      [fixed('esc_a', [{ ticketId: 'tkt_me', kind: 'reopened', at: 6_000 }], 'sent')],
      [],
    ],
    [
      'the same escalation twice (its own and in the list)',
      [
        fixed('esc_a', [{ ticketId: 'tkt_me', kind: 'reopened', at: 6_000 }]),
        fixed('esc_a', [{ ticketId: 'tkt_me', kind: 'reopened', at: 6_000 }]),
      ],
      ['esc_a'],
    ],
  ])('%s', (_title, escalations, ids) => {
    expect(regressionNotices('tkt_me', escalations).map((notice) => notice.escalation.id)).toEqual(ids);
  });
});

describe('describeRegression', () => {
  it.each([
    [{ ticketId: 'tkt_me', kind: 'reopened', at: 6_000 }, /this ticket reopened after it\.$/],
    [{ ticketId: 'tkt_me', kind: 'similar', at: 6_000, score: 0.42 }, /looks like the fixed ones \(42% alike\)\.$/],
  ])('%#', (regression, pattern) => {
    const [notice] = regressionNotices('tkt_me', [fixed('esc_a', [regression])]);
    const text = describeRegression(notice!, () => 'T');
    expect(text).toMatch(/^Possible regression of the fix “Invoice PDFs blank” \(fixed T\): /);
    expect(text).toMatch(pattern);
  });
});
