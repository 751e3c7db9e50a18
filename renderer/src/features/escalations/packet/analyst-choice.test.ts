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
    expect(defaultAnalyst(loads, new Set())).toBe('usr_b');
  });

  it.each<[string, string[], string | null]>([
    ['nobody on shift (shifts not used): the least loaded', [], 'usr_b'],
    ['the busier one on shift, the other at home: the one on shift', ['usr_a', 'usr_agent'], 'usr_a'],
    ['both on shift: the least loaded', ['usr_a', 'usr_b'], 'usr_b'],
    ['the team on shift but no analyst: any analyst', ['usr_agent'], null],
  ])('%s', (_title, onShift, expected) => {
    const loads = analystWorkload([{ status: 'sent', analystId: 'usr_a' as never }], ['usr_a', 'usr_b']);
    expect(defaultAnalyst(loads, new Set(onShift))).toBe(expected);
  });

  it.each([
    [[], null],
    [['usr_a'], 'usr_a'],
  ])('with analysts %j the default is %s', (analysts, expected) => {
    const loads = analystWorkload([], analysts);
    expect(defaultAnalyst(loads, new Set())).toBe(expected);
    expect(analystOptions(loads, nameOf).at(-1)).toEqual({ value: '', label: 'Any analyst · 0 open unassigned' });
  });
});
