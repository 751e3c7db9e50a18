import { afterAll, beforeAll, expect, it } from 'vitest';
import { Message } from '#shared/domain/message';
import { readRow, writeRow } from '../../sync/sync-rows.ts';
import { type TestDatabase, describeEachDatabase, openTestDatabase } from '../../testing/test-databases.ts';
import { outboundMessageId } from '../message-ids.ts';
import { type ClaimedRow, claimDue, enqueueReplyCopies, markFailed, markSent } from './mail-outbox.ts';
import { settleBounce, settleOwnCopy } from './settle-delivery.ts';

const WS = 'wsp_copies';
const FROM = 'support@team.test';
const REPLY = 'msg_flood';
const LEASE = 1_000;
const COPIES = [
  { email: 'ann@acme.test', threadTicketId: 'tkt_a' },
  { email: 'bob@globex.test', threadTicketId: 'tkt_b' },
  { email: 'cy@initech.test', threadTicketId: 'tkt_c' },
];
const rfcOf = (threadTicketId: string) =>
  outboundMessageId(REPLY, WS, FROM, threadTicketId === 'tkt_a' ? undefined : threadTicketId);

describeEachDatabase('the outbound queue, one row per copy of a reply', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await test.db.query("insert into workspaces (id, name, version) values ($1, 'Copies', 1)", [WS]);
    const message = Message.parse({
      id: REPLY,
      ticketId: 'tkt_a',
      kind: 'reply',
      authorId: null,
      body: 'Fixed.',
      createdAt: 1,
      recipients: COPIES.map(({ email, threadTicketId }) => ({ email, ticketId: threadTicketId })),
    });
    await writeRow(test.db, WS, 'message', message, 1);
  });
  afterAll(async () => test.drop());

  const delivery = async () => (await readRow(test.db, WS, 'message', REPLY))?.delivery;
  const states = async () =>
    Object.fromEntries(
      (
        await test.db.query<{ recipient: string; state: string }>(
          'select recipient, state from mail_outbox where workspace_id = $1 order by recipient',
          [WS],
        )
      ).map((row) => [row.recipient, row.state]),
    );

  it('settles each copy under its own claim, and summarises them on the reply', async () => {
    const enqueue = () =>
      test.db.transaction((tx) =>
        enqueueReplyCopies(
          tx,
          { workspaceId: WS, messageId: REPLY, ticketId: 'tkt_a' },
          COPIES.map(({ email, threadTicketId }) => ({
            threadTicketId,
            recipient: email,
            toEmail: email,
            rfcMessageId: rfcOf(threadTicketId),
          })),
          100,
        ),
      );
    await enqueue();
    await enqueue(); // the same reply queued twice (a replayed push) queues nothing more
    expect(await states()).toEqual({
      'ann@acme.test': 'queued',
      'bob@globex.test': 'queued',
      'cy@initech.test': 'queued',
    });
    // Each copy's Message-ID is in its own requester's thread.
    const threads = await test.db.query<{ ticket_id: string; rfc_message_id: string }>(
      "select ticket_id, rfc_message_id from mail_threads where workspace_id = $1 and direction = 'out' order by ticket_id",
      [WS],
    );
    expect(threads).toEqual(
      COPIES.map((copy) => ({ ticket_id: copy.threadTicketId, rfc_message_id: rfcOf(copy.threadTicketId) })),
    );

    const first = await claimDue(test.db, WS, 200, LEASE, 10);
    expect(first.map((row) => [row.recipient, row.threadTicketId, row.attempts, row.inDoubt])).toEqual([
      ['ann@acme.test', 'tkt_a', 1, false],
      ['bob@globex.test', 'tkt_b', 1, false],
      ['cy@initech.test', 'tkt_c', 1, false],
    ]);
    const [ann, bob] = first as [ClaimedRow, ClaimedRow, ClaimedRow];
    await markSent(test.db, ann, 300);
    expect(await delivery()).toEqual({ state: 'queued', at: 300 });

    // The server died with Bob's and Cy's copies mid-send: after the lease, they are claimed again, in doubt.
    const again = await claimDue(test.db, WS, 200 + LEASE + 1, LEASE, 10);
    expect(again.map((row) => [row.recipient, row.attempts, row.inDoubt])).toEqual([
      ['bob@globex.test', 2, true],
      ['cy@initech.test', 2, true],
    ]);
    // The first claim's late answer changes nothing: the row is someone else's now.
    await markSent(test.db, bob, 1_300);
    expect((await states())['bob@globex.test']).toBe('sending');

    // Cy's Bcc copy turns up in the team mailbox: Cy's copy is sent, Bob's is still in doubt.
    expect(
      await test.db.transaction((tx) =>
        settleOwnCopy(tx, WS, { messageId: REPLY, workspaceId: WS, ticketId: 'tkt_c' }, 1_400),
      ),
    ).toBe('tkt_a');
    expect(await states()).toEqual({
      'ann@acme.test': 'sent',
      'bob@globex.test': 'sending',
      'cy@initech.test': 'sent',
    });
    expect(await delivery()).toEqual({ state: 'queued', at: 300 });

    await markFailed(test.db, again[0] as ClaimedRow, "The customer's address was refused: 550 no such user", 1_500);
    expect(await delivery()).toEqual({
      state: 'failed',
      at: 1_500,
      reason: "Not delivered to 1 of 3: bob@globex.test The customer's address was refused: 550 no such user",
    });

    // A bounce of Ann's copy naming someone else (the team's Bcc copy) changes nothing; one naming Ann does.
    const annCopy = { messageId: REPLY, workspaceId: WS };
    const bounce = (recipient: string) =>
      test.db.transaction((tx) => settleBounce(tx, WS, annCopy, { reason: '550 gone', recipient }, 1_600));
    expect(await bounce(FROM)).toEqual({ ticketId: 'tkt_a', applied: false });
    expect((await states())['ann@acme.test']).toBe('sent');
    expect(await bounce('ANN@acme.test')).toEqual({ ticketId: 'tkt_a', applied: true });
    expect(await delivery()).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/^Not delivered to 2 of 3: ann@acme\.test Bounced: 550 gone; bob@globex\.test /),
    });
  });
});
