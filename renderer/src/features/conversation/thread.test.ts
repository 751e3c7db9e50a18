import { describe, expect, it } from 'vitest';
import { Message } from '#shared/domain/message';
import { TicketEvent } from '#shared/domain/ticket-event';
import { ticketFixture } from '#shared/testing/fixtures';
import { assembleThread, newestConfirmedAt, pendingMessageIds, type ThreadEntry, writtenSince } from './thread.ts';

const TICKET = ticketFixture({ id: 'tkt_000001' as never, body: 'The checkout is blank.', createdAt: 1_000 });

function message(id: string, createdAt: number, extra: Partial<Message> = {}): Message {
  return Message.parse({
    id,
    ticketId: 'tkt_000001',
    kind: 'reply',
    authorId: 'usr_agent',
    body: `body of ${id}`,
    createdAt,
    ...extra,
  });
}

function followUp(id: string, at: number, change: Record<string, unknown>): TicketEvent {
  return TicketEvent.parse({
    id,
    ticketId: 'tkt_000001',
    actorId: null,
    at,
    change: { kind: 'customer_message', fromEmail: 'ana@acme.example', ...change },
  });
}

const status = TicketEvent.parse({
  id: 'evt_status',
  ticketId: 'tkt_000001',
  actorId: 'usr_agent',
  at: 2_500,
  change: { kind: 'status_changed', from: 'new', to: 'open' },
});

describe('assembleThread', () => {
  it.each([
    ['only the ticket body', TICKET, [], [], ['ticket:tkt_000001']],
    ['a ticket opened without text shows no empty first message', { ...TICKET, body: '  ' }, [], [], []],
    [
      'messages by time, ties by id',
      TICKET,
      [message('msg_c', 3_000), message('msg_b', 2_000), message('msg_a', 3_000)],
      [],
      ['ticket:tkt_000001', 'msg_b', 'msg_a', 'msg_c'],
    ],
    [
      'the body stays first even when a message is older (imported history)',
      TICKET,
      [message('msg_old', 500)],
      [],
      ['ticket:tkt_000001', 'msg_old'],
    ],
    [
      'legacy follow-ups (body, no messageId) join in time order; other events do not',
      TICKET,
      [message('msg_a', 2_000), message('msg_b', 4_000)],
      [followUp('evt_legacy', 3_000, { body: 'Still broken' }), status],
      ['ticket:tkt_000001', 'msg_a', 'evt_legacy', 'msg_b'],
    ],
    [
      'a follow-up event with a message row is not shown twice',
      TICKET,
      [message('msg_cust', 2_000, { kind: 'customer', authorId: null, fromEmail: 'ana@acme.example' })],
      [followUp('evt_new', 2_000, { messageId: 'msg_cust' })],
      ['ticket:tkt_000001', 'msg_cust'],
    ],
    [
      'a follow-up event without words is left out',
      TICKET,
      [],
      [followUp('evt_empty', 2_000, {})],
      ['ticket:tkt_000001'],
    ],
    [
      'messages of another ticket are left out',
      TICKET,
      [message('msg_x', 2_000, { ticketId: 'tkt_000002' as never })],
      [],
      ['ticket:tkt_000001'],
    ],
  ] as const)('%s', (_title, ticket, messages, events, ids) => {
    expect(assembleThread(ticket, messages, events).map((entry) => entry.id)).toEqual(ids);
  });

  it('keeps who wrote a legacy follow-up and shows it as the customer', () => {
    const [, legacy] = assembleThread(TICKET, [], [followUp('evt_l', 2_000, { body: 'Hi', fromName: 'Ana' })]);
    expect(legacy).toMatchObject({ kind: 'customer', authorId: null, fromName: 'Ana', body: 'Hi', createdAt: 2_000 });
  });

  it('carries an email’s attachments and its automatic reason; no empty attachment list', () => {
    const attachment = {
      id: 'att_1',
      filename: 'invoice.pdf',
      contentType: 'application/pdf',
      size: 2_048,
      stored: true,
    };
    const [, auto, plain] = assembleThread(
      TICKET,
      [
        message('msg_auto', 2_000, {
          kind: 'customer',
          authorId: null,
          fromEmail: 'ana@acme.example',
          automatic: 'out-of-office reply',
          attachments: [attachment as never],
        }),
        message('msg_plain', 3_000, { attachments: [] }),
      ],
      [],
    );
    expect(auto).toMatchObject({ automatic: 'out-of-office reply', attachments: [attachment] });
    expect(plain).not.toHaveProperty('attachments');
    expect(plain).not.toHaveProperty('automatic');
  });

  it('the first email’s files are on the ticket, so its opening message carries them', () => {
    const attachment = { id: 'att_0', filename: 'photo.png', contentType: 'image/png', size: 10, stored: true };
    const [opening] = assembleThread({ ...TICKET, attachments: [attachment as never] }, [], []);
    expect(opening).toMatchObject({ id: 'ticket:tkt_000001', attachments: [attachment] });
    expect(assembleThread({ ...TICKET, attachments: [] }, [], [])[0]).not.toHaveProperty('attachments');
  });
});

const entry = (kind: ThreadEntry['kind'], extra: Partial<ThreadEntry> = {}): ThreadEntry => ({
  id: 'msg_1',
  kind,
  authorId: kind === 'customer' ? null : 'usr_agent',
  body: 'x',
  createdAt: 1,
  source: 'message',
  ...extra,
});

describe('pendingMessageIds', () => {
  it('reads addMessage entries only, and skips malformed args', () => {
    const outbox = [
      { name: 'addMessage', args: { messageId: 'msg_a', ticketId: 'tkt_1' } },
      { name: 'setStatus', args: { messageId: 'msg_b' } },
      { name: 'addMessage', args: null },
      { name: 'addMessage', args: { messageId: 7 } },
      { name: 'addMessage', args: { messageId: 'msg_c' } },
    ];
    expect([...pendingMessageIds(outbox)]).toEqual(['msg_a', 'msg_c']);
  });
});

describe('writtenSince', () => {
  const thread: ThreadEntry[] = [
    entry('customer', { id: 'ticket:t', source: 'ticket', createdAt: 100 }),
    entry('customer', { id: 'evt_legacy', source: 'event', createdAt: 900 }),
    entry('reply', { id: 'msg_mine', authorId: 'usr_me', createdAt: 600 }),
    entry('reply', { id: 'msg_old', authorId: 'usr_other', createdAt: 400 }),
    entry('reply', { id: 'msg_teammate', authorId: 'usr_other', createdAt: 600 }),
    entry('note', { id: 'msg_note', authorId: 'usr_other', createdAt: 700 }),
    entry('customer', { id: 'msg_customer', createdAt: 800 }),
  ];
  it.each([
    ['everything after the draft began, by anyone else', 500, ['msg_teammate', 'msg_note', 'msg_customer']],
    ['a message at exactly seenUpTo was seen', 600, ['msg_note', 'msg_customer']],
    ['nothing new', 800, []],
    [
      'a draft begun on an empty thread sees everything but its own',
      0,
      ['msg_old', 'msg_teammate', 'msg_note', 'msg_customer'],
    ],
  ] as const)('%s', (_title, seenUpTo, ids) => {
    expect(writtenSince(thread, seenUpTo, 'usr_me').map((e) => e.id)).toEqual(ids);
  });
});

describe('newestConfirmedAt: where a draft’s stale-reply guard starts', () => {
  const messages = [
    { id: 'msg_a', createdAt: 100 },
    { id: 'msg_b', createdAt: 300 },
    { id: 'msg_mine_offline', createdAt: 900 },
  ];
  it.each([
    ['the newest confirmed message, not one stamped by this device’s clock', new Set(['msg_mine_offline']), 300],
    ['every message once all are confirmed', new Set<string>(), 900],
    ['nothing confirmed yet', new Set(['msg_a', 'msg_b', 'msg_mine_offline']), 0],
  ])('%s', (_title, unconfirmed, expected) => {
    expect(newestConfirmedAt(messages, unconfirmed)).toBe(expected);
  });
});
