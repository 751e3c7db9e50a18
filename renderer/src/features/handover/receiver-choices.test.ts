import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/domain/roles';
import type { Shift } from '#shared/domain/shift';
import { receiverChoices } from './receiver-choices.ts';

const HOUR = 3_600_000;
const NOW = 100 * HOUR;

const member = (id: string, name: string, role: Role = 'agent') => ({ id, name, role });
const shift = (userId: string, changes: Partial<Shift> = {}): Shift =>
  ({
    id: `sft_${userId}`,
    userId,
    role: 'agent',
    startedAt: NOW - HOUR,
    plannedEnd: NOW + 7 * HOUR,
    updatedAt: NOW - HOUR,
    ...changes,
  }) as Shift;

const team = [
  member('usr_me', 'Me'),
  member('usr_b', 'Blake'),
  member('usr_a', 'Avery'),
  member('usr_c', 'Casey'),
  member('usr_t', 'Trainee Tess', 'trainee'),
];
const notTrainee = (m: { role: Role }) => m.role !== 'trainee';

describe('receiverChoices', () => {
  it.each<[string, Shift[], string[]]>([
    ['nobody on shift: by name', [], ['usr_a', 'usr_b', 'usr_c']],
    ['on shift first', [shift('usr_c')], ['usr_c', 'usr_a', 'usr_b']],
    ['ended shifts do not count', [shift('usr_c', { endedAt: NOW - 1 })], ['usr_a', 'usr_b', 'usr_c']],
    [
      'a shift not yet started does not count',
      [shift('usr_b', { startedAt: NOW + HOUR })],
      ['usr_a', 'usr_b', 'usr_c'],
    ],
    ['several on shift: by name among them', [shift('usr_c'), shift('usr_b')], ['usr_b', 'usr_c', 'usr_a']],
    ['my own shift changes nothing', [shift('usr_me')], ['usr_a', 'usr_b', 'usr_c']],
  ])('%s', (_, shifts, order) => {
    expect(receiverChoices(team, shifts, 'usr_me', NOW, notTrainee).map((choice) => choice.id)).toEqual(order);
  });

  it('says until when someone is on shift', () => {
    const [first] = receiverChoices(team, [shift('usr_b')], 'usr_me', NOW, notTrainee);
    expect(first).toEqual({ id: 'usr_b', name: 'Blake', onShiftUntil: NOW + 7 * HOUR });
  });

  it('offers neither me nor those who may not receive', () => {
    const ids = receiverChoices(team, [shift('usr_t')], 'usr_me', NOW, notTrainee).map((choice) => choice.id);
    expect(ids).not.toContain('usr_me');
    expect(ids).not.toContain('usr_t');
  });
});
