import { afterEach, expect, it } from 'vitest';
import { type TestDatabase, describeEachDatabase, openTestDatabase } from '../../testing/test-databases.ts';
import { MIGRATIONS, migrate } from '../migrate.ts';

const insertCopy = (test: TestDatabase, message: string, recipient: string, rfc: string) =>
  test.db.query(
    `insert into mail_outbox (workspace_id, message_id, ticket_id, thread_ticket_id, recipient, rfc_message_id, to_email, state, next_attempt_at, created_at)
     values ('wsp_m', $1, 'tkt_a', 'tkt_b', $2, $3, $2, 'queued', 1, 1)`,
    [message, recipient, rfc],
  );

describeEachDatabase('migration 0006: one outbound row per copy of a reply', (kind) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.drop();
  });

  it('keeps queued and sent replies as their single copy, and keys copies by recipient', async () => {
    test = await openTestDatabase(
      kind,
      MIGRATIONS.filter((migration) => migration.id <= 5),
    );
    const { db } = test;
    await db.query(`insert into workspaces (id, name) values ('wsp_m', 'Merge team')`);
    await db.query(
      `insert into mail_outbox (workspace_id, message_id, ticket_id, rfc_message_id, to_email, state, attempts, next_attempt_at, last_error, created_at, sent_at)
       values ('wsp_m', 'msg_1', 'tkt_a', 'shiftdesk.msg_1.wsp_m@t.test', 'Ann@Acme.test', 'queued', 2, 10, '421 busy', 1, null),
              ('wsp_m', 'msg_2', 'tkt_a', 'shiftdesk.msg_2.wsp_m@t.test', 'ann@acme.test', 'sent', 1, 10, null, 1, 5)`,
    );

    expect(await migrate(db)).toEqual({ applied: [6] });

    const rows = await db.query(
      `select message_id, ticket_id, thread_ticket_id, recipient, to_email, rfc_message_id, state, attempts, last_error
       from mail_outbox order by message_id`,
    );
    expect(rows).toEqual([
      {
        message_id: 'msg_1',
        ticket_id: 'tkt_a',
        thread_ticket_id: 'tkt_a',
        recipient: 'ann@acme.test',
        to_email: 'Ann@Acme.test',
        rfc_message_id: 'shiftdesk.msg_1.wsp_m@t.test',
        state: 'queued',
        attempts: 2,
        last_error: '421 busy',
      },
      {
        message_id: 'msg_2',
        ticket_id: 'tkt_a',
        thread_ticket_id: 'tkt_a',
        recipient: 'ann@acme.test',
        to_email: 'ann@acme.test',
        rfc_message_id: 'shiftdesk.msg_2.wsp_m@t.test',
        state: 'sent',
        attempts: 1,
        last_error: null,
      },
    ]);

    // A second requester's copy of the same reply is a row of its own...
    await insertCopy(test, 'msg_1', 'bob@globex.test', 'shiftdesk.msg_1.tkt_b.wsp_m@t.test');
    // ...but the same copy twice is refused, and so is a copy reusing another copy's Message-ID.
    await expect(insertCopy(test, 'msg_1', 'bob@globex.test', 'shiftdesk.other@t.test')).rejects.toThrow();
    await expect(insertCopy(test, 'msg_1', 'cy@initech.test', 'shiftdesk.msg_1.tkt_b.wsp_m@t.test')).rejects.toThrow();
    const [count] = await db.query<{ count: string | number }>(
      `select count(*) as count from mail_outbox where message_id = 'msg_1'`,
    );
    expect(Number(count?.count)).toBe(2);
  });
});
