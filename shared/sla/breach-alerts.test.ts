import { describe, expect, it } from 'vitest';
import {
  type BreachCandidate,
  breachAlertKey,
  breachAlertsDue,
  breachNotifications,
  BREACH_ALERT_LEAD_MS,
} from './breach-alerts.ts';

const MIN = 60_000;
const NOW = 1_000 * MIN;
const ME = 'usr_me';

function row(id: string, dueInMinutes: number | null, assigneeId: string | null = null): BreachCandidate {
  return {
    id,
    number: Number(id.slice(4)),
    subject: `Ticket ${id}`,
    assigneeId,
    slaDueAt: dueInMinutes === null ? null : NOW + dueInMinutes * MIN,
  };
}

/** Sorted as the Breaching soon view is: by deadline, nulls last. */
function sorted(rows: BreachCandidate[]) {
  const list = [...rows].sort((a, b) => (a.slaDueAt ?? Infinity) - (b.slaDueAt ?? Infinity));
  return { length: list.length, at: (i: number) => list[i] };
}

describe('breachAlertsDue', () => {
  it.each<[string, BreachCandidate[], string[], string[]]>([
    ['nothing to alert', [], [], []],
    ['due in 5 minutes, unassigned', [row('tkt_1', 5)], [], ['tkt_1']],
    ['due in 5 minutes, mine', [row('tkt_1', 5, ME)], [], ['tkt_1']],
    ['due in 5 minutes, someone else’s', [row('tkt_1', 5, 'usr_x')], [], []],
    ['due exactly at the lead', [row('tkt_1', 10)], [], ['tkt_1']],
    ['due just past the lead', [row('tkt_1', 10.01)], [], []],
    ['due this instant (not yet breached)', [row('tkt_1', 0)], [], ['tkt_1']],
    ['already breached: the queue shows it, no alert', [row('tkt_1', -1)], [], []],
    ['no running clock', [row('tkt_1', null)], [], []],
    ['alerted before', [row('tkt_1', 5)], [breachAlertKey('tkt_1', NOW + 5 * MIN)], []],
    ['a new deadline alerts again', [row('tkt_1', 5)], [breachAlertKey('tkt_1', NOW + 90 * MIN)], ['tkt_1']],
    [
      'only the window, in deadline order, among breached and later ones',
      [
        row('tkt_1', -30),
        row('tkt_2', 9),
        row('tkt_3', 1, ME),
        row('tkt_4', 60),
        row('tkt_5', null),
        row('tkt_6', 2, 'usr_x'),
      ],
      [],
      ['tkt_3', 'tkt_2'],
    ],
  ])('%s', (_label, rows, alerted, expected) => {
    const alerts = breachAlertsDue(sorted(rows), NOW, ME, new Set(alerted));
    expect(alerts.map((alert) => alert.ticketId)).toEqual(expected);
  });

  it('reads only the rows around the window (binary search, not a scan)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row(`tkt_${i}`, i - 5_000));
    let reads = 0;
    const view = { length: rows.length, at: (i: number) => (reads++, rows[i]) };
    const alerts = breachAlertsDue(view, NOW, ME, new Set(), BREACH_ALERT_LEAD_MS);
    expect(alerts).toHaveLength(11);
    expect(reads).toBeLessThan(40);
  });
});

describe('breachNotifications', () => {
  const alert = (id: string, minutes: number) => ({
    key: id,
    ticketId: id,
    number: Number(id.slice(4)),
    subject: `Subject ${id}`,
    dueAt: NOW + minutes * MIN,
  });

  it('one per ticket when few, naming the clock', () => {
    expect(breachNotifications([alert('tkt_7', 8)], NOW, () => 'First response')).toEqual([
      { title: 'First response due in 8 minutes on #7', body: 'Subject tkt_7' },
    ]);
  });

  it('says "within a minute" at the end', () => {
    expect(breachNotifications([alert('tkt_7', 0.5)], NOW)[0]?.title).toBe('SLA due within a minute on #7');
  });

  it('one summary when many', () => {
    const many = [alert('tkt_1', 9), alert('tkt_2', 3), alert('tkt_3', 4), alert('tkt_4', 5)];
    expect(breachNotifications(many, NOW)).toEqual([
      {
        title: '4 tickets are about to breach their SLA',
        body: 'The first in 3 minutes. Open "Breaching soon" (g b) to work through them.',
      },
    ]);
  });
});
