import { describe, expect, it } from 'vitest';
import { analystWorkload } from '#shared/escalation/pacing';
import { analystOptions, defaultAnalyst } from './analyst-choice.ts';

const names: Record<string, string> = { usr_a: 'Ana', usr_b: 'Ben' };
const nameOf = (id: string) => names[id] ?? id;

describe('analyst choice', () => {
  it('lists the analysts least loaded first, then anyone, and defaults to the least loaded', () => {
    const loads = analystWorkload(
      [
        { status: 'sent', analystId: 'usr_a' as never },
        { status: 'needs_info', analystId: 'usr_a' as never },
        { status: 'fixed', analystId: 'usr_b' as never },
        { status: 'sent', analystId: null },
      ],
      ['usr_a', 'usr_b'],
    );
    expect(analystOptions(loads, nameOf)).toEqual([
      { value: 'usr_b', label: 'Ben · 0 open' },
      { value: 'usr_a', label: 'Ana · 2 open (1 waiting on an agent)' },
      { value: '', label: 'Any analyst · 1 open unassigned' },
    ]);
    expect(defaultAnalyst(loads)).toBe('usr_b');
  });

  it.each([
    [[], null],
    [['usr_a'], 'usr_a'],
  ])('with analysts %j the default is %s', (analysts, expected) => {
    const loads = analystWorkload([], analysts);
    expect(defaultAnalyst(loads)).toBe(expected);
    expect(analystOptions(loads, nameOf).at(-1)).toEqual({ value: '', label: 'Any analyst · 0 open unassigned' });
  });
});
