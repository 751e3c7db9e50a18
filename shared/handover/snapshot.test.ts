import { describe, expect, it } from 'vitest';
import type { Customer } from '../domain/customer.ts';
import { HandoverSnapshot } from '../domain/handover.ts';
import { defaultSlaConfig } from '../domain/sla-config.ts';
import type { Ticket } from '../domain/ticket.ts';
import { HOUR, MINUTE, at } from '../sla/sla-fixtures.ts';
import { customerFixture, escalationFixture, ticketFixture } from '../testing/fixtures.ts';
import { type SnapshotInput, defineSnapshotSection, handoverSnapshot } from './snapshot.ts';
import { SNAPSHOT_SECTIONS } from './snapshot-sections.ts';

// A controlled clock: Tuesday 2026-03-03, 05:30 UTC, near the end of a night shift. Urgent tickets run
// around the clock in the starter policies (first reply within 30 min, resolution within 4 h).
const NOW = at('2026-03-03T05:30Z');
const ticket = (n: number, overrides: Partial<Ticket>) =>
  ticketFixture({ id: `tkt_${String(n).padStart(6, '0')}` as never, number: 1000 + n, status: 'open', ...overrides });
const DAY = 24 * HOUR;

function input(overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  const failed: Customer = customerFixture({
    id: 'cus_globex' as never,
    name: 'Globex',
    domain: 'globex.example',
    failures: [
      {
        key: 'sla:x',
        kind: 'sla_breach',
        at: NOW - 10 * DAY,
        ticketId: 'tkt_999999' as never,
        what: 'First reply 3 h late on #999',
      },
    ],
  });
  return {
    tickets: [
      // First reply due 05:40: 10 minutes left.
      ticket(1, {
        priority: 'urgent',
        subject: 'Checkout down',
        createdAt: NOW - 20 * MINUTE,
        updatedAt: NOW - 20 * MINUTE,
      }),
      // Resolution due 08:00 (4 h from 04:00), first replied: 2 h 30 min left, outside the 2-hour horizon.
      ticket(2, {
        priority: 'urgent',
        subject: 'Exports slow',
        createdAt: NOW - 90 * MINUTE,
        updatedAt: NOW - 90 * MINUTE,
        clock: {
          firstReplyAt: NOW - 80 * MINUTE,
          awaitingReplySince: null,
          solvedAt: null,
          pausedSince: null,
          pauses: [],
        },
      }),
      // Breached: first reply was due at 04:30.
      ticket(3, {
        priority: 'urgent',
        subject: 'Login loop',
        customerId: 'cus_globex' as never,
        createdAt: NOW - 90 * MINUTE,
        updatedAt: NOW - 90 * MINUTE,
      }),
      ticket(4, { priority: 'low', subject: 'Logo looks blurry', createdAt: NOW - HOUR, updatedAt: NOW - HOUR }),
      // A merged duplicate: never counted on its own.
      ticket(5, {
        priority: 'urgent',
        subject: 'Checkout down too',
        createdAt: NOW - 10 * MINUTE,
        updatedAt: NOW - 10 * MINUTE,
        mergedInto: {
          ticketId: 'tkt_000001' as never,
          at: NOW - 5 * MINUTE,
          by: 'usr_agent' as never,
          previousStatus: 'new',
        },
      }),
    ],
    escalations: [
      escalationFixture({
        id: 'esc_sent' as never,
        status: 'sent',
        summary: 'Invoices blank',
        severity: 'sev2',
        sentAt: NOW - 75 * MINUTE,
      }),
      escalationFixture({
        id: 'esc_draft' as never,
        status: 'draft',
        summary: 'Push stopped',
        readyAt: NOW - 20 * MINUTE,
      }),
      escalationFixture({ id: 'esc_notready' as never, status: 'draft', readyAt: undefined }),
      escalationFixture({ id: 'esc_done' as never, status: 'fixed' }),
    ],
    customers: new Map([
      ['cus_acme', customerFixture()],
      ['cus_globex', failed],
    ]),
    slaConfig: defaultSlaConfig(0),
    ...overrides,
  };
}

describe('handoverSnapshot', () => {
  const snapshot = handoverSnapshot(input(), NOW, SNAPSHOT_SECTIONS);
  const section = (id: string) => snapshot.sections.find((candidate) => candidate.id === id)!;

  it.each<[string, number, string[]]>([
    ['open-by-priority', 4, ['Urgent: 3', 'High: 0', 'Normal: 0', 'Low: 1']],
    ['breaching-soon', 2, ['#1003 Login loop: breached 1h 00m ago', '#1001 Checkout down: due in 10m']],
    ['escalations-in-flight', 1, ['SEV2 · Major · Invoices blank · Sent · sent 1 h 15 min ago']],
    ['at-risk-customers', 1, ['Globex: Failed 10 days ago: first reply 3 h late on #999']],
    ['unsent-ready-packets', 1, ['Push stopped: ready for 20 min']],
  ])('%s', (id, count, lines) => {
    expect(section(id).count).toBe(count);
    expect(section(id).lines.map((line) => line.text)).toEqual(lines);
  });

  it('lists the sections in their registered order, stamped with the time', () => {
    expect(snapshot.at).toBe(NOW);
    // What the sections compute is what a handover stores: the submission schema accepts it unchanged.
    expect(HandoverSnapshot.parse(snapshot)).toEqual(snapshot);
    expect(snapshot.sections.map((entry) => entry.title)).toEqual([
      'Open tickets by priority',
      'Breaching in the next 2 hours',
      'Escalations in flight',
      'At-risk customers with open tickets',
      'Ready escalation packets not sent',
    ]);
  });

  it('moves with the clock: an hour later the slow export is within two hours of its deadline', () => {
    const later = handoverSnapshot(input(), NOW + HOUR, SNAPSHOT_SECTIONS);
    expect(later.sections.find((entry) => entry.id === 'breaching-soon')?.lines.map((line) => line.text)).toContain(
      '#1002 Exports slow: due in 1h 30m',
    );
  });

  it('takes a section a later feature registers, without changing the snapshot function', () => {
    const incidents = defineSnapshotSection({
      id: 'incidents',
      title: 'Incidents with their next update due',
      compute: () => ({ count: 1, lines: [{ text: 'Checkout outage: next update in 12 min' }] }),
    });
    const extended = handoverSnapshot(input(), NOW, [...SNAPSHOT_SECTIONS, incidents]);
    expect(extended.sections.at(-1)).toEqual({
      id: 'incidents',
      title: 'Incidents with their next update due',
      count: 1,
      lines: [{ text: 'Checkout outage: next update in 12 min' }],
    });
  });
});
