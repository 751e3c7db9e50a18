import { describe, expect, it } from 'vitest';
import type { MacroActions } from '#shared/domain/macro';
import { macroActionChips, withoutChip } from './macro-action-chips.ts';

const nameOf = (id: string) => (id === 'usr_lead' ? 'Jordan Okafor' : 'A teammate');

describe('macroActionChips', () => {
  it.each([
    [{}, []],
    [{ status: 'pending' }, ['set Waiting on customer']],
    [
      { status: 'pending', addTags: ['outage'], priority: 'high' },
      ['priority High', 'add tag outage', 'set Waiting on customer'],
    ],
    [{ removeTags: ['vip'], assignee: 'me' }, ['remove tag vip', 'assign to me']],
    [{ assignee: 'nobody' }, ['unassign']],
    [{ assignee: 'usr_lead' }, ['assign to Jordan Okafor']],
  ] as [MacroActions, string[]][])('%o → %o', (actions, labels) => {
    expect(macroActionChips(actions, nameOf).map((chip) => chip.label)).toEqual(labels);
  });
});

describe('withoutChip', () => {
  const actions: MacroActions = { status: 'pending', priority: 'high', addTags: ['outage', 'sorry'], assignee: 'me' };
  it.each([
    [
      { kind: 'status', label: '' },
      { priority: 'high', addTags: ['outage', 'sorry'], assignee: 'me' },
    ],
    [
      { kind: 'addTag', tag: 'outage', label: '' },
      { status: 'pending', priority: 'high', addTags: ['sorry'], assignee: 'me' },
    ],
    [
      { kind: 'assignee', label: '' },
      { status: 'pending', priority: 'high', addTags: ['outage', 'sorry'] },
    ],
  ] as const)('removes %o', (chip, expected) => {
    expect(withoutChip(actions, chip)).toEqual(expected);
  });

  it('drops an emptied tag list altogether', () => {
    expect(withoutChip({ addTags: ['outage'] }, { kind: 'addTag', tag: 'outage', label: '' })).toEqual({});
  });
});
