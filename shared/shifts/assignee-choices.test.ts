import { describe, expect, it } from 'vitest';
import { HOUR } from '../sla/sla-fixtures.ts';
import { TEAM, shiftFixture } from '../testing/fixtures.ts';
import { assigneeChoices } from './assignee-choices.ts';

const NOW = 30 * HOUR;
const clock = (at: number) => `${String(Math.floor(at / HOUR) % 24).padStart(2, '0')}:00`;
const running = (userId: string, overrides = {}) =>
  shiftFixture({
    id: `sft_${userId}` as never,
    userId: userId as never,
    startedAt: NOW - HOUR,
    plannedEnd: NOW + 6 * HOUR,
    ...overrides,
  });

describe('assigneeChoices', () => {
  it('lists who is on shift first, until when, then the rest by name', () => {
    const choices = assigneeChoices(
      TEAM,
      [
        running('usr_lead', { role: 'lead' }),
        running('usr_analyst', { role: 'agent' }),
        running('usr_agent', { endedAt: NOW - 1 }),
      ],
      NOW,
      clock,
    );
    expect(choices.map((choice) => choice.label)).toEqual([
      'Jordan Okafor — on shift until 12:00',
      'Priya Nair — on shift as Agent until 12:00',
      'Alex Kim',
      'Morgan Diaz',
      'Sam Rivera',
    ]);
    expect(choices.filter((choice) => choice.onShift).map((choice) => choice.value)).toEqual([
      'usr_lead',
      'usr_analyst',
    ]);
  });

  it('with nobody on shift, is the team by name', () => {
    expect(assigneeChoices(TEAM, [], NOW, clock).map((choice) => choice.value)).toEqual([
      'usr_trainee',
      'usr_lead',
      'usr_admin',
      'usr_analyst',
      'usr_agent',
    ]);
  });
});
