import { describe, expect, it } from 'vitest';
import type { Shift } from '../domain/shift.ts';
import type { Ticket } from '../domain/ticket.ts';
import { HOUR } from '../sla/sla-fixtures.ts';
import { TEAM, shiftFixture } from '../testing/fixtures.ts';
import { handOverRefusal, spreadEvenly } from './hand-over.ts';

const NOW = 30 * HOUR;
const [sam, priya, , alex] = TEAM;
const onShift = [shiftFixture({ userId: priya!.id, startedAt: NOW - HOUR, plannedEnd: NOW + 7 * HOUR })];
const mine: Pick<Ticket, 'assigneeId' | 'status'> = { assigneeId: sam!.id, status: 'open' };

describe('handOverRefusal: who may give a ticket to whom', () => {
  it.each<[string, Pick<Ticket, 'assigneeId' | 'status'>, (typeof TEAM)[number] | undefined, Shift[], string | null]>([
    ['my ticket to someone on shift', mine, priya, onShift, null],
    ['a pending ticket of mine too', { ...mine, status: 'pending' }, priya, onShift, null],
    [
      'someone else’s ticket: that is the lead’s reassignment',
      { ...mine, assigneeId: priya!.id },
      priya,
      onShift,
      'not_yours',
    ],
    ['a ticket nobody holds', { ...mine, assigneeId: null }, priya, onShift, 'not_yours'],
    ['a closed ticket', { ...mine, status: 'closed' }, priya, onShift, 'closed'],
    ['to someone not on the team', mine, undefined, onShift, 'not_on_team'],
    ['to myself', mine, sam, [shiftFixture({ userId: sam!.id, startedAt: NOW - HOUR })], 'to_yourself'],
    ['to a trainee', mine, alex, [shiftFixture({ userId: alex!.id, startedAt: NOW - HOUR })], 'trainee'],
    ['to someone who never started a shift', mine, priya, [], 'recipient_off_shift'],
    [
      'to someone whose shift ended',
      mine,
      priya,
      [shiftFixture({ userId: priya!.id, startedAt: NOW - 8 * HOUR, plannedEnd: NOW, endedAt: NOW - 1 })],
      'recipient_off_shift',
    ],
  ])('%s', (_title, ticket, recipient, shifts, code) => {
    expect(handOverRefusal(ticket, sam!.id, recipient, shifts, NOW)?.code ?? null).toBe(code);
  });
});

describe('spreadEvenly', () => {
  it.each<[string, string[], { id: string; open: number }[], [string, string][]]>([
    ['nobody to take them', ['t1', 't2'], [], []],
    [
      'equal load: alternating, first by id',
      ['t1', 't2', 't3', 't4'],
      [
        { id: 'usr_b', open: 0 },
        { id: 'usr_a', open: 0 },
      ],
      [
        ['t1', 'usr_a'],
        ['t2', 'usr_b'],
        ['t3', 'usr_a'],
        ['t4', 'usr_b'],
      ],
    ],
    [
      'the lighter one is filled up first',
      ['t1', 't2', 't3', 't4'],
      [
        { id: 'usr_a', open: 3 },
        { id: 'usr_b', open: 0 },
      ],
      [
        ['t1', 'usr_b'],
        ['t2', 'usr_b'],
        ['t3', 'usr_b'],
        ['t4', 'usr_a'],
      ],
    ],
  ])('%s', (_title, tickets, recipients, plan) => {
    expect([...spreadEvenly(tickets, recipients)]).toEqual(plan);
  });

  it('does not change the loads it was given', () => {
    const recipients = [{ id: 'usr_a', open: 1 }];
    spreadEvenly(['t1'], recipients);
    expect(recipients).toEqual([{ id: 'usr_a', open: 1 }]);
  });
});
