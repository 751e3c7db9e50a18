import { describe, expect, it } from 'vitest';
import type { MacroActions } from '../domain/macro.ts';
import { ticketFixture } from '../testing/fixtures.ts';
import { macroChanges } from './macro-changes.ts';

const ME = 'usr_agent';

describe('macroChanges', () => {
  it.each<[string, Parameters<typeof ticketFixture>[0], MacroActions, string[]]>([
    ['nothing to do', {}, {}, []],
    [
      'status last, after the rest',
      { status: 'open' },
      { status: 'pending', priority: 'high' },
      ['setPriority', 'setStatus'],
    ],
    ['only what differs', { status: 'pending', priority: 'high' }, { status: 'pending', priority: 'high' }, []],
    [
      'tags it lacks, tags it has',
      { tags: ['vip'] },
      { addTags: ['vip', 'outage'], removeTags: ['vip', 'login'] },
      ['addTag', 'removeTag'],
    ],
    ['me on an unassigned ticket claims it', {}, { assignee: 'me' }, ['claimTicket']],
    [
      'me on a teammate’s ticket takes it over',
      { assigneeId: 'usr_lead' as never },
      { assignee: 'me' },
      ['assignTicket'],
    ],
    ['me on my ticket changes nothing', { assigneeId: ME as never }, { assignee: 'me' }, []],
    ['nobody on my ticket releases it', { assigneeId: ME as never }, { assignee: 'nobody' }, ['releaseTicket']],
    [
      'nobody on a teammate’s ticket unassigns it',
      { assigneeId: 'usr_lead' as never },
      { assignee: 'nobody' },
      ['assignTicket'],
    ],
    ['a named teammate', {}, { assignee: 'usr_lead' as never }, ['assignTicket']],
  ])('%s', (_title, ticket, actions, names) => {
    expect(macroChanges(ticketFixture(ticket), actions, ME).map((change) => change.name)).toEqual(names);
  });

  it('passes what the agent saw, so a refusal can explain a change made meanwhile', () => {
    const [change] = macroChanges(ticketFixture({ status: 'open' }), { status: 'solved' }, ME);
    expect(change?.args).toEqual({ ticketId: 'tkt_000001', status: 'solved', expectedStatus: 'open' });
  });
});
