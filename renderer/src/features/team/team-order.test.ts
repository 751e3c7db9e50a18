import { describe, expect, it } from 'vitest';
import { TeamResponse } from '#shared/api/accounts';
import { onShiftSummary, teamInShiftOrder } from './team-order.ts';

const { members } = TeamResponse.parse({
  members: [
    { id: 'usr_b', name: 'Bea', email: 'b@x.test', role: 'agent', disabled: false, onShift: false },
    { id: 'usr_c', name: 'Cy', email: 'c@x.test', role: 'lead', disabled: false, onShift: true },
    { id: 'usr_a', name: 'Al', email: 'a@x.test', role: 'agent', disabled: true, onShift: false },
    { id: 'usr_d', name: 'Di', email: 'd@x.test', role: 'analyst', disabled: false, onShift: true },
    { id: 'usr_e', name: 'Ed', email: 'e@x.test', role: 'agent', disabled: false, onShift: false },
  ],
});

describe('team order', () => {
  it('puts who is on shift first, then the rest, then disabled accounts', () => {
    expect(teamInShiftOrder(members).map((member) => member.name)).toEqual(['Cy', 'Di', 'Bea', 'Ed', 'Al']);
  });

  it('puts who works a shift now before who is only connected', () => {
    expect(teamInShiftOrder(members, new Set(['usr_e', 'usr_a'])).map((member) => member.name)).toEqual([
      'Ed',
      'Cy',
      'Di',
      'Bea',
      'Al',
    ]);
  });

  it('counts active members only', () => {
    expect(onShiftSummary(members)).toBe('2 of 4 on shift now');
    expect(onShiftSummary([])).toBe('0 of 0 on shift now');
  });
});
