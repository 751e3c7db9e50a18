import { describe, expect, it } from 'vitest';
import { UserId } from './ids.ts';
import { type TicketEventChange, describeTicketChange } from './ticket-event.ts';

const sam = UserId.parse('usr_sam');
const priya = UserId.parse('usr_priya');
const names: Record<string, string> = { usr_sam: 'Sam Rivera', usr_priya: 'Priya Nair' };

describe('history lines', () => {
  it.each<[TicketEventChange, string]>([
    [{ kind: 'priority_changed', from: 'normal', to: 'urgent' }, 'changed priority from Normal to Urgent'],
    [{ kind: 'status_changed', from: 'open', to: 'pending' }, 'changed status from Open to Waiting on customer'],
    [{ kind: 'assignee_changed', from: null, to: sam }, 'assigned it to Sam Rivera'],
    [{ kind: 'assignee_changed', from: sam, to: priya }, 'reassigned it from Sam Rivera to Priya Nair'],
    [{ kind: 'assignee_changed', from: priya, to: null }, 'unassigned Priya Nair'],
    [{ kind: 'tag_added', tag: 'login' }, 'added the tag “login”'],
    [{ kind: 'tag_removed', tag: 'login' }, 'removed the tag “login”'],
  ])('%o', (change, line) => {
    expect(describeTicketChange(change, (id) => names[id] ?? id)).toBe(line);
  });
});
