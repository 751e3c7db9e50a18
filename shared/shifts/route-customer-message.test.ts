import { describe, expect, it } from 'vitest';
import { UserId } from '../domain/ids.ts';
import type { Shift } from '../domain/shift.ts';
import { HOUR, MINUTE } from '../sla/sla-fixtures.ts';
import { shiftFixture } from '../testing/fixtures.ts';
import { type RoutingDecision, routeCustomerMessage } from './route-customer-message.ts';

// A controlled clock: 03:00 into a night that started at 22:00 (hours counted from the epoch of the test).
const NOW = 29 * HOUR;
const members = (
  [
    ['usr_ana', 'agent'],
    ['usr_bo', 'agent'],
    ['usr_cy', 'agent'],
    ['usr_lee', 'lead'],
    ['usr_pri', 'analyst'],
  ] as const
).map(([id, role]) => ({ id: UserId.parse(id), role }));
// Each works as their own role unless a row says otherwise.
const shift = (userId: string, overrides: Partial<Shift> = {}) =>
  shiftFixture({
    id: `sft_${userId}` as never,
    userId: userId as never,
    role: members.find((member) => member.id === userId)?.role ?? 'agent',
    startedAt: 22 * HOUR,
    plannedEnd: 30 * HOUR,
    ...overrides,
  });
const night = [shift('usr_bo'), shift('usr_cy'), shift('usr_lee'), shift('usr_pri')];
const open = new Map([
  ['usr_bo', 12],
  ['usr_cy', 4],
]);

describe('routeCustomerMessage', () => {
  it.each<[string, string | null, Shift[], ReadonlyMap<string, number>, number, RoutingDecision]>([
    ['nobody owns it: it stays in the queue', null, night, open, NOW, { kind: 'keep', reason: 'unassigned' }],
    ['the owner is on shift', 'usr_bo', night, open, NOW, { kind: 'keep', reason: 'owner on shift' }],
    [
      'the owner went home: the agent with the fewest open tickets',
      'usr_ana',
      night,
      open,
      NOW,
      { kind: 'reassign', to: 'usr_cy', from: 'usr_ana' },
    ],
    [
      'equal load: the first by id, the same on every server',
      'usr_ana',
      night,
      new Map(),
      NOW,
      { kind: 'reassign', to: 'usr_bo', from: 'usr_ana' },
    ],
    [
      'the owner ended their shift an hour ago',
      'usr_bo',
      [shift('usr_bo', { endedAt: NOW - HOUR }), shift('usr_cy')],
      open,
      NOW,
      { kind: 'reassign', to: 'usr_cy', from: 'usr_bo' },
    ],
    [
      'the owner forgot to end it: over an hour past the planned end counts as gone',
      'usr_bo',
      [shift('usr_bo', { plannedEnd: NOW - 61 * MINUTE }), shift('usr_cy')],
      open,
      NOW,
      { kind: 'reassign', to: 'usr_cy', from: 'usr_bo' },
    ],
    [
      'running late by half an hour still counts as on shift',
      'usr_bo',
      [shift('usr_bo', { plannedEnd: NOW - 30 * MINUTE }), shift('usr_cy')],
      open,
      NOW,
      { kind: 'keep', reason: 'owner on shift' },
    ],
    [
      'no agent on shift: the lead takes it, not the analyst',
      'usr_ana',
      [shift('usr_lee'), shift('usr_pri')],
      open,
      NOW,
      { kind: 'reassign', to: 'usr_lee', from: 'usr_ana' },
    ],
    [
      'an analyst covering as an agent takes it before the lead',
      'usr_ana',
      [shift('usr_lee'), shift('usr_pri', { role: 'agent' })],
      open,
      NOW,
      { kind: 'reassign', to: 'usr_pri', from: 'usr_ana' },
    ],
    [
      'someone on shift who has left the team is not a candidate',
      'usr_ana',
      [shift('usr_gone'), shift('usr_lee')],
      open,
      NOW,
      { kind: 'reassign', to: 'usr_lee', from: 'usr_ana' },
    ],
    ['nobody on shift at all', 'usr_ana', [shift('usr_pri')], open, NOW, { kind: 'keep', reason: 'nobody on shift' }],
    [
      'a shift that starts later is not on yet',
      'usr_ana',
      [shift('usr_bo', { startedAt: NOW + HOUR, plannedEnd: NOW + 9 * HOUR })],
      open,
      NOW,
      { kind: 'keep', reason: 'nobody on shift' },
    ],
  ])('%s', (_title, assigneeId, shifts, openTickets, now, decision) => {
    expect(routeCustomerMessage({ assigneeId: assigneeId as never }, members, shifts, openTickets, now)).toEqual(
      decision,
    );
  });
});
