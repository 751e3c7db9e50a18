import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { Customer } from '#shared/domain/customer';
import { Ticket } from '#shared/domain/ticket';
import type { Message } from '#shared/domain/message';
import { TicketEvent } from '#shared/domain/ticket-event';
import { SocketServerMessage } from '#shared/sync/socket-protocol';
import { insertTestApiKey } from '../testing/test-api-keys.ts';
import { listenOnLoopback, postIntake } from '../testing/intake-client.ts';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';
import { sweepIdempotencyKeys } from './idempotency.ts';

const WS = 'wsp_demo';

describeEachDatabase('intake API', (kind) => {
  let server: TestServer;
  let base: string;
  let secret: string;
  let keyId: string;
  const ticketPath = API_ROUTES.intakeTicket;
  const messagePath = (number: number) => routePath(API_ROUTES.intakeMessage, { number });
  const ticketRequest = (subject: string, email = 'ops@kestrelfreight.example') => ({
    subject,
    body: 'The tracking page shows a blank map since 02:00.',
    requester: { email, name: 'Ola Berg' },
    priority: 'high',
    channel: 'web',
    tags: ['Tracking', 'release 4.12', 'tracking'],
  });
  const ticketRow = async (id: string) => {
    const [row] = await server.db.query<{ data: unknown }>(
      "select data from sync_rows where entity = 'ticket' and id = $1",
      [id],
    );
    return Ticket.parse(row?.data);
  };
  const countWhere = async (sql: string, params: (string | number)[] = []) => {
    const [row] = await server.db.query<{ n: number }>(sql, params);
    return Number(row?.n);
  };
  const ticketsWithSubject = (subject: string) =>
    countWhere("select count(*) as n from sync_rows where entity = 'ticket' and data->>'subject' = $1", [subject]);

  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 10 });
    base = await listenOnLoopback(server.app);
    ({ id: keyId, secret } = await insertTestApiKey(server.db, WS, ['intake']));
  });
  afterAll(async () => {
    await server.close();
  });

  describe('creating tickets', () => {
    it('creates a numbered ticket for the requester’s company, with an audit entry naming the key', async () => {
      const answer = await postIntake(base, ticketPath, secret, ticketRequest('Map is blank'));
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ customerId: 'cus_kestrel', created: true, number: 1011 });
      const ticket = await ticketRow(String(answer.body.id));
      expect(ticket).toMatchObject({
        number: 1011,
        status: 'new',
        priority: 'high',
        channel: 'web',
        requesterName: 'Ola Berg',
        assigneeId: null,
        tags: ['tracking', 'release-4.12'],
      });
      const [audit] = await server.db.query<{ api_key_id: string; ip: string; detail: { ticketId: string } }>(
        "select api_key_id, ip, detail from audit_log where action = 'intake.ticket_created' order by id desc limit 1",
      );
      expect(audit).toMatchObject({ api_key_id: keyId, ip: '127.0.0.1', detail: { ticketId: ticket.id } });
      expect(await countWhere('select count(*) as n from ticket_numbers where number = 1011')).toBe(1);

      const next = await postIntake(base, ticketPath, secret, ticketRequest('Map is blank again'));
      expect(next.body.number).toBe(1012);
    });

    it('matches companies by domain and free-mail senders one person at a time', async () => {
      const acme1 = await postIntake(base, ticketPath, secret, ticketRequest('Acme 1', 'ann@acme-intake.example'));
      const acme2 = await postIntake(base, ticketPath, secret, ticketRequest('Acme 2', 'Bob@ACME-intake.example'));
      const gmailAnn1 = await postIntake(base, ticketPath, secret, ticketRequest('Ann 1', 'ann@gmail.com'));
      const gmailAnn2 = await postIntake(base, ticketPath, secret, ticketRequest('Ann 2', 'ann@gmail.com'));
      const gmailBob = await postIntake(base, ticketPath, secret, ticketRequest('Bob', 'bob@gmail.com'));
      expect(acme2.body.customerId).toBe(acme1.body.customerId);
      expect(gmailAnn2.body.customerId).toBe(gmailAnn1.body.customerId);
      expect(gmailBob.body.customerId).not.toBe(gmailAnn1.body.customerId);
      const customers = await server.db.query<{ data: unknown }>(
        "select data from sync_rows where entity = 'customer' and id = any($1::text[])",
        [[acme1.body.customerId, gmailAnn1.body.customerId, gmailBob.body.customerId] as string[]],
      );
      expect(customers.map((row) => Customer.parse(row.data).domain).sort()).toEqual([
        'acme-intake.example',
        'ann@gmail.com',
        'bob@gmail.com',
      ]);
    });

    it('reaches a signed-in agent live: a poke, then the ticket in their next pull', async () => {
      const { token } = await loginAs(server.app, 'agent');
      const agent = syncClient(server.app, token, { clientGroupId: `intake-${kind}`, clientId: `intake-c-${kind}` });
      const pages = await agent.pullAll(null);
      const cookie = pages.at(-1)?.cookie ?? null;
      const socket = new WebSocket(`${base.replace('http', 'ws')}${API_ROUTES.socket}`);
      const messages: SocketServerMessage[] = [];
      socket.on('message', (data: Buffer) => messages.push(SocketServerMessage.parse(JSON.parse(data.toString()))));
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'hello', token }));
      await expect.poll(() => messages.some((m) => m.type === 'ready')).toBe(true);

      const answer = await postIntake(base, ticketPath, secret, ticketRequest('Live one'));
      await expect.poll(() => messages.some((m) => m.type === 'poke'), { timeout: 2_000 }).toBe(true);
      const patch = (await agent.pull(cookie)).patch;
      expect(patch).toContainEqual(
        expect.objectContaining({
          op: 'put',
          entity: 'ticket',
          value: expect.objectContaining({ id: answer.body.id }),
        }),
      );
      socket.close();
    });

    it('refuses bad input, missing keys, session tokens and keys without the intake scope', async () => {
      const bad = await postIntake(base, ticketPath, secret, { subject: '', body: 'x', requester: { email: 'no' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('invalid_request');
      const { token } = await loginAs(server.app, 'admin');
      expect((await postIntake(base, ticketPath, token, ticketRequest('x'))).status).toBe(401);
      expect((await postIntake(base, ticketPath, 'sdk_unknown', ticketRequest('x'))).status).toBe(401);
      const auditOnly = await insertTestApiKey(server.db, WS, ['audit.read']);
      expect((await postIntake(base, ticketPath, auditOnly.secret, ticketRequest('x'))).status).toBe(403);
      expect(await ticketsWithSubject('x')).toBe(0);
    });
  });

  it('never answers hostile input with a 5xx', async () => {
    const send = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers },
        body,
      }).then((response) => response.status);
    const bodies = [
      '{"subject":',
      'null',
      '[1,2]',
      '{"__proto__":{"admin":true},"subject":"x","body":"","requester":{"email":"a@b.example"}}',
      '{"subject":"nul \\u0000 byte","body":"\\u0000","requester":{"email":"a@b.example"}}',
      '{"subject":"x","body":"","requester":{"email":"a@b.example"},"tags":["ok","Not Ok!"]}',
      '{"subject":"x","body":"","requester":{"email":"a@b.example"},"priority":1e999}',
      JSON.stringify({ subject: 'x', body: 'y'.repeat(300 * 1024), requester: { email: 'a@b.example' } }),
    ];
    for (const path of [ticketPath, messagePath(1011), '/api/v1/intake/tickets/abc/messages']) {
      for (const body of bodies) expect(await send(path, body), `${path} ${body.slice(0, 60)}`).toBeLessThan(500);
    }
    expect(await send(ticketPath, JSON.stringify(ticketRequest('x')), { 'idempotency-key': 'has spaces in it' })).toBe(
      400,
    );
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the first ticket (200, created: false) and a changed body with 422', async () => {
      const first = await postIntake(base, ticketPath, secret, ticketRequest('Retried'), 'retry-key-0001');
      const again = await postIntake(base, ticketPath, secret, ticketRequest('Retried'), 'retry-key-0001');
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual({ ...first.body, created: false });
      const reused = await postIntake(base, ticketPath, secret, ticketRequest('Something else'), 'retry-key-0001');
      expect(reused.status).toBe(422);
      expect(reused.body.error).toBe('idempotency_key_reused');
      expect(await ticketsWithSubject('Retried')).toBe(1);
      expect(await ticketsWithSubject('Something else')).toBe(0);
      // Without a key every request is a new ticket.
      await postIntake(base, ticketPath, secret, ticketRequest('No key'));
      await postIntake(base, ticketPath, secret, ticketRequest('No key'));
      expect(await ticketsWithSubject('No key')).toBe(2);
    });

    it('makes exactly one ticket from six concurrent requests with one key', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          postIntake(base, ticketPath, secret, ticketRequest('Concurrent'), 'concurrent-key-1'),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await ticketsWithSubject('Concurrent')).toBe(1);
    });

    it('forgets keys after 24 hours: the key works again, and the sweep deletes old rows', async () => {
      const first = await postIntake(base, ticketPath, secret, ticketRequest('Yesterday'), 'old-key-00001');
      await server.db.query("update idempotency_keys set created_at = now() - interval '25 hours' where key = $1", [
        'old-key-00001',
      ]);
      const later = await postIntake(base, ticketPath, secret, ticketRequest('Today'), 'old-key-00001');
      expect(later.status).toBe(201);
      expect(later.body.id).not.toBe(first.body.id);

      await postIntake(base, ticketPath, secret, ticketRequest('Stale'), 'stale-key-0001');
      await server.db.query("update idempotency_keys set created_at = now() - interval '25 hours' where key = $1", [
        'stale-key-0001',
      ]);
      expect(await sweepIdempotencyKeys(server.db)).toBe(1);
      expect(await countWhere("select count(*) as n from idempotency_keys where key = 'old-key-00001'")).toBe(1);
    });
  });

  describe('customer follow-ups', () => {
    const eventsOf = async (ticketId: string) =>
      (
        await server.db.query<{ data: unknown }>(
          "select data from sync_rows where entity = 'ticketEvent' and data->>'ticketId' = $1",
          [ticketId],
        )
      )
        .map((row) => TicketEvent.parse(row.data))
        .sort((a, b) => a.at - b.at);

    it('adds the message to the ticket by number, bumps it, and answers retries with the same event', async () => {
      const created = await postIntake(base, ticketPath, secret, ticketRequest('Follow me'));
      const number = Number(created.body.number);
      const before = await ticketRow(String(created.body.id));
      const message = { body: 'Still blank here.\nAny news?', from: { email: 'ops@kestrelfreight.example' } };
      const answer = await postIntake(base, messagePath(number), secret, message, 'message-key-01');
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ ticketId: before.id, number, created: true });
      const retry = await postIntake(base, messagePath(number), secret, message, 'message-key-01');
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ ...answer.body, created: false });

      const events = await eventsOf(before.id);
      const [stored] = await server.db.query<{ data: Message }>(
        "select data from sync_rows where entity = 'message' and data->>'ticketId' = $1",
        [before.id],
      );
      expect(stored?.data).toMatchObject({ kind: 'customer', authorId: null, body: message.body });
      expect(events.map((e) => e.change)).toEqual([
        { kind: 'customer_message', messageId: stored?.data.id, fromEmail: 'ops@kestrelfreight.example' },
      ]);
      expect(events[0]?.id).toBe(answer.body.eventId);
      const after = await ticketRow(before.id);
      expect(after.status).toBe('new');
      expect(after.updatedAt).toBeGreaterThanOrEqual(before.updatedAt);
      expect(
        await countWhere("select count(*) as n from audit_log where action = 'intake.message_added'"),
      ).toBeGreaterThanOrEqual(1);
    });

    it('reopens a solved or pending ticket, refuses a closed one, and 404s an unknown number', async () => {
      const created = await postIntake(base, ticketPath, secret, ticketRequest('Solved already'));
      const id = String(created.body.id);
      const number = Number(created.body.number);
      const setStatus = (status: string) =>
        server.db.query(
          "update sync_rows set data = jsonb_set(data, '{status}', to_jsonb($2::text)) where entity = 'ticket' and id = $1",
          [id, status],
        );
      await setStatus('solved');
      const reply = { body: 'It broke again.', from: { email: 'ola@kestrelfreight.example', name: 'Ola Berg' } };
      expect((await postIntake(base, messagePath(number), secret, reply)).status).toBe(201);
      expect((await ticketRow(id)).status).toBe('open');
      expect((await eventsOf(id)).map((e) => e.change.kind)).toEqual(['customer_message', 'status_changed']);

      await setStatus('pending');
      await postIntake(base, messagePath(number), secret, reply);
      expect((await ticketRow(id)).status).toBe('open');

      await setStatus('closed');
      const closed = await postIntake(base, messagePath(number), secret, reply);
      expect(closed.status).toBe(409);
      expect(closed.body.error).toBe('ticket_closed');

      const unknown = await postIntake(base, messagePath(999_999), secret, reply);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: 'not_found', message: 'There is no ticket #999999.' });
    });

    it('puts a solved ticket the customer writes again about on their trust ledger', async () => {
      const created = await postIntake(
        base,
        ticketPath,
        secret,
        ticketRequest('Fixed, they said', 'ops@ledger-freight.example'),
      );
      const id = String(created.body.id);
      const number = Number(created.body.number);
      const solvedAt = Date.now() - 60_000;
      const clock = { firstReplyAt: solvedAt, awaitingReplySince: null, solvedAt, pausedSince: null, pauses: [] };
      await server.db.query(
        "update sync_rows set data = data || jsonb_build_object('status', 'solved', 'clock', $2::jsonb) where entity = 'ticket' and id = $1",
        [id, JSON.stringify(clock)],
      );
      const wroteAt = Date.now();
      await postIntake(base, messagePath(number), secret, {
        body: 'It is broken again.',
        from: { email: 'ops@ledger-freight.example' },
      });
      const ticket = await ticketRow(id);
      const [row] = await server.db.query<{ data: unknown }>(
        "select data from sync_rows where entity = 'customer' and id = $1",
        [ticket.customerId],
      );
      const failures = Customer.parse(row?.data).failures ?? [];
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        key: `reopened:${id}:${solvedAt}`,
        kind: 'reopened',
        ticketId: id,
        ticketNumber: number,
        what: `#${number} reopened: the customer wrote again after it was solved`,
      });
      expect(failures[0]?.at).toBeGreaterThanOrEqual(wroteAt);
    });

    it('reopens a solved ticket on a thank-you, but records no failure: a thank-you is not a complaint', async () => {
      const created = await postIntake(
        base,
        ticketPath,
        secret,
        ticketRequest('Export fixed?', 'finance@thankful-freight.example'),
      );
      const id = String(created.body.id);
      const solvedAt = Date.now() - 60_000;
      const clock = { firstReplyAt: solvedAt, awaitingReplySince: null, solvedAt, pausedSince: null, pauses: [] };
      await server.db.query(
        "update sync_rows set data = data || jsonb_build_object('status', 'solved', 'clock', $2::jsonb) where entity = 'ticket' and id = $1",
        [id, JSON.stringify(clock)],
      );
      await postIntake(base, messagePath(Number(created.body.number)), secret, {
        body: 'Thanks, works now!\n\n> We fixed the PDF export.',
        from: { email: 'finance@thankful-freight.example' },
      });
      const ticket = await ticketRow(id);
      expect(ticket.status).toBe('open');
      const [row] = await server.db.query<{ data: unknown }>(
        "select data from sync_rows where entity = 'customer' and id = $1",
        [ticket.customerId],
      );
      expect(Customer.parse(row?.data).failures ?? []).toEqual([]);
    });

    it('files a follow-up to a merged ticket on the ticket it was merged into', async () => {
      const canonical = await postIntake(base, ticketPath, secret, ticketRequest('Map blank (first report)'));
      const duplicate = await postIntake(
        base,
        ticketPath,
        secret,
        ticketRequest('Map blank here too', 'it@wayfarer-logistics.example'),
      );
      const canonicalId = String(canonical.body.id);
      const duplicateId = String(duplicate.body.id);
      const { token } = await loginAs(server.app, 'agent');
      const client = syncClient(server.app, token, { clientGroupId: `cg-merge-${kind}`, clientId: `c-merge-${kind}` });
      const merged = await client.push([
        client.mutation('mergeTickets', { targetId: canonicalId, sourceIds: [duplicateId] }),
      ]);
      expect(merged.body.rejections).toEqual([]);

      const followUp = { body: 'Still blank for us.', from: { email: 'it@wayfarer-logistics.example' } };
      const answer = await postIntake(base, messagePath(Number(duplicate.body.number)), secret, followUp);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ ticketId: canonicalId, number: Number(canonical.body.number) });
      const landed = await server.db.query<{ data: Message }>(
        "select data from sync_rows where entity = 'message' and data->>'body' = $1",
        [followUp.body],
      );
      expect(landed.map((row) => row.data.ticketId)).toEqual([canonicalId]);
      expect((await ticketRow(duplicateId)).status).toBe('closed');
      expect((await eventsOf(canonicalId)).map((e) => e.change.kind)).toContain('customer_message');
      expect((await eventsOf(duplicateId)).map((e) => e.change.kind)).not.toContain('customer_message');
    });

    it('refuses a follow-up of nothing but spaces with a 400 that says why', async () => {
      const created = await postIntake(base, ticketPath, secret, ticketRequest('Blank follow-up'));
      const blank = { body: '   \n  ', from: { email: 'ops@kestrelfreight.example' } };
      const answer = await postIntake(base, messagePath(Number(created.body.number)), secret, blank);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('must not be empty');
    });

    it('restarts the clocks: a follow-up on a ticket waiting on the customer ends the pause and starts the next-response clock', async () => {
      const created = await postIntake(base, ticketPath, secret, ticketRequest('Waiting on them'));
      const id = String(created.body.id);
      const answeredAt = 1_000;
      const pausedAt = 2_000;
      // As the agent's reply and "waiting on customer" leave it: answered once, paused since pausedAt.
      const clock = {
        firstReplyAt: answeredAt,
        awaitingReplySince: null,
        solvedAt: null,
        pausedSince: pausedAt,
        pauses: [],
      };
      await server.db.query(
        "update sync_rows set data = data || jsonb_build_object('status', 'pending', 'clock', $2::jsonb) where entity = 'ticket' and id = $1",
        [id, JSON.stringify(clock)],
      );
      const before = Date.now();
      await postIntake(base, messagePath(Number(created.body.number)), secret, {
        body: 'Here are the logs.',
        from: { email: 'ops@kestrelfreight.example' },
      });
      const after = await ticketRow(id);
      expect(after.status).toBe('open');
      expect(after.clock?.firstReplyAt).toBe(answeredAt);
      expect(after.clock?.pausedSince).toBeNull();
      expect(after.clock?.pauses).toHaveLength(1);
      expect(after.clock?.pauses[0]?.[0]).toBe(pausedAt);
      expect(after.clock?.awaitingReplySince).toBeGreaterThanOrEqual(before);
      expect(after.clock?.pauses[0]?.[1]).toBe(after.clock?.awaitingReplySince);
    });
  });
});
