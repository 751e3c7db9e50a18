import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserId } from '#shared/domain/ids';
import type { Message } from '#shared/domain/message';
import type { Ticket } from '#shared/domain/ticket';
import { TEAM, messageFixture, ticketFixture } from '#shared/testing/fixtures';
import { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { applyPull } from '../../sync/apply-pull.ts';
import { markDraftSeen, readDraft, writeDraft } from './drafts.ts';
import { sendDraft } from './send-message.ts';

const agent = { id: UserId.parse('usr_agent'), role: 'agent' as const };
const TICKET_ID = 'tkt_000001';
let db: ShiftdeskDb;
let dbCount = 0;

async function downloaded(ticket: Partial<Ticket>, messages: Message[] = []): Promise<void> {
  await applyPull(
    db,
    agent,
    { cookie: null, resume: null, requestedAt: 0 },
    {
      cookie: 'wsp_demo:e:1:w30',
      lastMutationIdChanges: {},
      patch: [
        { op: 'clear' },
        ...TEAM.map((value) => ({ op: 'put' as const, entity: 'member' as const, value })),
        { op: 'put' as const, entity: 'ticket' as const, value: ticketFixture(ticket) },
        ...messages.map((value) => ({ op: 'put' as const, entity: 'message' as const, value })),
      ],
      resume: null,
      progress: null,
      revisited: [],
      setAside: [],
    },
  );
}

/** Messages a later pull brought in (written straight to the table: the pull itself is tested elsewhere). */
async function arrived(messages: readonly Message[]): Promise<void> {
  await db.rows('message').bulkPut([...messages]);
}

const teammateReply = (id: string, createdAt: number) =>
  messageFixture({ id: id as never, ticketId: TICKET_ID as never, authorId: 'usr_lead' as never, createdAt });

beforeEach(() => {
  db = new ShiftdeskDb(`send-${++dbCount}`);
});
afterEach(async () => {
  await db.delete();
});

describe('sending a draft', () => {
  it('writes the message and the macro changes as one batch, message first, and deletes the draft', async () => {
    await downloaded({ status: 'open' });
    await writeDraft(db, TICKET_ID, {
      kind: 'reply',
      body: 'Sorry!',
      actions: { status: 'pending', addTags: ['outage'] },
    });
    const outcome = await sendDraft(db, agent, TICKET_ID, {
      kind: 'reply',
      body: 'Sorry!',
      actions: { status: 'pending', addTags: ['outage'] },
    });
    expect(outcome).toMatchObject({ kind: 'sent', refused: [] });
    const outbox = await db.local.outbox.toArray();
    expect(outbox.map((entry) => entry.name)).toEqual(['addMessage', 'addTag', 'setStatus']);
    const messageId = (outbox[0]?.args as { messageId: string }).messageId;
    expect(await db.rows('message').get(messageId)).toMatchObject({ body: 'Sorry!', authorId: 'usr_agent' });
    expect((await db.rows('ticket').get(TICKET_ID))?.status).toBe('pending');
    expect(await readDraft(db, TICKET_ID)).toBeUndefined();
  });

  it.each([
    ['a teammate replied after the draft began', [teammateReply('msg_late', 2_000)], 'stale'],
    ['a teammate replied before it began', [teammateReply('msg_early', 500)], 'sent'],
  ] as const)('%s → %s', async (_title, later, expected) => {
    await downloaded({ status: 'open' }, [teammateReply('msg_seen', 1_000)]);
    await writeDraft(db, TICKET_ID, { kind: 'reply', body: 'Hi' });
    await arrived(later);
    const outcome = await sendDraft(db, agent, TICKET_ID, { kind: 'reply', body: 'Hi', actions: undefined });
    expect(outcome.kind).toBe(expected);
    if (outcome.kind === 'stale') expect(outcome.since.map((entry) => entry.id)).toEqual(['msg_late']);
  });

  it('sends once the agent has seen what was written (markDraftSeen), or with "send anyway"', async () => {
    await downloaded({ status: 'open' });
    await writeDraft(db, TICKET_ID, { kind: 'note', body: 'Checking logs' });
    await arrived([teammateReply('msg_late', 2_000)]);
    expect((await sendDraft(db, agent, TICKET_ID, { kind: 'note', body: 'x', actions: undefined })).kind).toBe('stale');
    await markDraftSeen(db, TICKET_ID, 2_000);
    expect((await sendDraft(db, agent, TICKET_ID, { kind: 'note', body: 'x', actions: undefined })).kind).toBe('sent');
  });

  it('writes nothing at all when the message itself is refused (a reply on a closed ticket), keeping the draft', async () => {
    await downloaded({ status: 'closed' });
    await writeDraft(db, TICKET_ID, { kind: 'reply', body: 'Hello' });
    const outcome = await sendDraft(db, agent, TICKET_ID, {
      kind: 'reply',
      body: 'Hello',
      actions: { addTags: ['outage'], priority: 'high' },
    });
    expect(outcome).toMatchObject({ kind: 'refused', message: expect.stringMatching(/closed/) });
    expect(await db.local.outbox.count()).toBe(0);
    expect((await db.rows('ticket').get(TICKET_ID))?.tags).toEqual([]);
    expect(await readDraft(db, TICKET_ID)).toMatchObject({ body: 'Hello' });
  });
});
