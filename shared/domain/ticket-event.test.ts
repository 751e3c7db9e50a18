import { describe, expect, it } from 'vitest';
import { TicketEventId, TicketId, UserId } from './ids.ts';
import { type TicketEvent, type TicketEventChange, describeTicketChange, historyActor } from './ticket-event.ts';

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
    [
      { kind: 'assignee_changed', from: sam, to: priya, reason: 'owner_off_shift' },
      'reassigned it from Sam Rivera to Priya Nair (owner off shift)',
    ],
    [
      { kind: 'assignee_changed', from: sam, to: priya, reason: 'shift_ended' },
      'reassigned it from Sam Rivera to Priya Nair (handed over at the end of a shift)',
    ],
    [{ kind: 'tag_added', tag: 'login' }, 'added the tag “login”'],
    [{ kind: 'tag_removed', tag: 'login' }, 'removed the tag “login”'],
    [{ kind: 'customer_message', body: 'Still broken', fromEmail: 'ann@acme.example' }, 'wrote again'],
  ])('%o', (change, line) => {
    expect(describeTicketChange(change, (id) => names[id] ?? id)).toBe(line);
  });
});

describe('who a history line is about', () => {
  const event = (change: TicketEventChange, actorId: UserId | null): TicketEvent => ({
    id: TicketEventId.parse('evt_1'),
    ticketId: TicketId.parse('tkt_1'),
    actorId,
    at: 1,
    change,
  });
  const nameOf = (id: UserId | null) => (id === null ? 'System' : (names[id] ?? id));

  it('is the customer for their own messages, with or without a name', () => {
    const named = event(
      { kind: 'customer_message', body: 'Hi', fromEmail: 'ann@acme.example', fromName: 'Ann Lee' },
      null,
    );
    const bare = event({ kind: 'customer_message', body: 'Hi', fromEmail: 'ann@acme.example' }, null);
    expect(historyActor(named, nameOf)).toBe('Ann Lee <ann@acme.example>');
    expect(historyActor(bare, nameOf)).toBe('ann@acme.example');
  });

  it('is the teammate for their changes', () => {
    expect(historyActor(event({ kind: 'tag_added', tag: 'login' }, sam), nameOf)).toBe('Sam Rivera');
    expect(historyActor(event({ kind: 'tag_added', tag: 'login' }, null), nameOf)).toBe('System');
  });
});
