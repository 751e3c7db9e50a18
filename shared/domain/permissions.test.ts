import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, can, refusalMessage } from './permissions.ts';
import { ROLES } from './roles.ts';

// The whole matrix, spelled out: a change to the table must change this test too.
//                         agent  analyst lead   trainee admin
const EXPECTED: Record<string, readonly boolean[]> = {
  'ticket.triage': [true, true, true, false, true],
  'ticket.status': [true, true, true, false, true],
  'ticket.claim': [true, true, true, false, true],
  'ticket.assign': [false, false, true, false, true],
  'ticket.reply': [true, true, true, false, true],
  'ticket.merge': [true, true, true, false, true],
  'problems.manage': [true, true, true, false, true],
  'escalations.create': [true, true, true, false, true],
  'escalations.work': [false, true, true, false, true],
  'shift.work': [true, true, true, false, true],
  'handover.work': [true, true, true, false, true],
  'macros.save': [true, true, true, false, true],
  'macros.manageShared': [false, false, true, false, true],
  'sla.manage': [false, false, true, false, true],
  'views.save': [true, true, true, false, true],
  'views.manageShared': [false, false, true, false, true],
  'team.view': [false, false, true, false, true],
  'users.manage': [false, false, false, false, true],
  'apikeys.manage': [false, false, false, false, true],
  'settings.manage': [false, false, false, false, true],
  'audit.read': [false, false, false, false, true],
};

describe('role × action table', () => {
  it('covers every action', () => {
    expect(ACTION_NAMES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(ACTION_NAMES.flatMap((action) => ROLES.map((role, index) => [action, role, index] as const)))(
    '%s for %s',
    (action, role, index) => {
      expect(can(role, action)).toBe(EXPECTED[action]?.[index]);
    },
  );

  it('never lets a trainee write real data', () => {
    expect(ACTION_NAMES.filter((action) => can('trainee', action))).toEqual([]);
  });

  it('words a refusal for people', () => {
    expect(refusalMessage('trainee', 'ticket.status')).toBe('A trainee cannot change ticket status.');
  });
});
