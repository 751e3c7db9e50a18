import { describe, expect, it } from 'vitest';
import type { MacroActions } from '#shared/domain/macro';
import { summarizeMacroActions } from './macro-summary.ts';

const names: Record<string, string> = { usr_lead: 'Jordan Okafor' };
const nameOf = (id: string) => names[id] ?? 'a teammate';

describe('what a macro does to the ticket, in words', () => {
  it.each<[string, MacroActions, string | null]>([
    ['nothing', {}, null],
    ['a status', { status: 'pending' }, 'Set status Waiting on customer'],
    [
      'status, tag and assignee, in reading order',
      { assignee: 'me', addTags: ['outage'], status: 'pending' },
      'Set status Waiting on customer · add tag outage · assign to you',
    ],
    ['a priority', { priority: 'urgent' }, 'Set priority Urgent'],
    ['several tags', { addTags: ['outage', 'vip', 'eu'] }, 'Add tags outage, vip and eu'],
    ['two tags', { removeTags: ['outage', 'waiting'] }, 'Remove tags outage and waiting'],
    ['nobody', { assignee: 'nobody' }, 'Unassign'],
    ['a teammate', { assignee: 'usr_lead' as MacroActions['assignee'] }, 'Assign to Jordan Okafor'],
    ['someone unknown', { assignee: 'usr_gone' as MacroActions['assignee'] }, 'Assign to a teammate'],
    ['empty tag lists', { addTags: [], removeTags: [] }, null],
  ])('%s', (_title, actions, expected) => {
    expect(summarizeMacroActions(actions, nameOf)).toBe(expected);
  });
});
