import { describe, expect, it } from 'vitest';
import { ticketFixture } from '#shared/testing/fixtures';
import { newMessageId, sendBlock, sendChanges } from './send-plan.ts';
import { MessageId } from '#shared/domain/ids';

describe('sendBlock', () => {
  it.each([
    ['reply', 'Thanks!', null],
    ['reply', '   \n', { kind: 'empty' }],
    ['note', '', { kind: 'empty' }],
    [
      'reply',
      'Incident {{incident.id}} since {{start}} ({{incident.id}})',
      { kind: 'openSlots', slots: ['incident.id', 'start'] },
    ],
    ['note', 'Remember {{incident.id}}', null],
  ] as const)('%s %j → %o', (kind, body, expected) => {
    expect(sendBlock(kind, body)).toEqual(expected);
  });
});

describe('newMessageId', () => {
  it('is a valid message id drawn on the device', () => {
    const id = newMessageId();
    expect(MessageId.safeParse(id).success).toBe(true);
    expect(newMessageId()).not.toBe(id);
  });
});

describe('sendChanges', () => {
  const ticket = ticketFixture({ status: 'open', tags: ['outage'] });
  const message = { messageId: 'msg_new', kind: 'reply' as const, body: 'Sorry' };
  it('sends the message first, then only the macro changes that differ', () => {
    const changes = sendChanges(ticket, message, { status: 'pending', addTags: ['outage', 'apology'] }, 'usr_agent');
    expect(changes.map((change) => change.name)).toEqual(['addMessage', 'addTag', 'setStatus']);
    expect(changes[0]?.args).toEqual({ messageId: 'msg_new', ticketId: ticket.id, kind: 'reply', body: 'Sorry' });
  });
  it('is the message alone without a macro', () => {
    expect(sendChanges(ticket, message, undefined, 'usr_agent')).toHaveLength(1);
  });
});
