import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ticket } from '#shared/domain/ticket';
import type { PatchOp } from '#shared/sync/protocol';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';
import { processPull } from './pull.ts';

const puts = (patch: PatchOp[], entity: string) =>
  patch
    .filter((op): op is Extract<PatchOp, { op: 'put' }> => op.op === 'put' && op.entity === entity)
    .map((op) => op.value);

async function ticket(server: TestServer, id: string): Promise<Ticket> {
  const [row] = await server.db.query<{ data: unknown }>(
    "select data from sync_rows where entity = 'ticket' and id = $1",
    [id],
  );
  return Ticket.parse(row?.data);
}

describeEachDatabase('sync push and pull', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 30 });
  });
  afterAll(async () => {
    await server.close();
  });

  let clients = 0;
  const newClient = async (role = 'agent') => {
    const { token, user } = await loginAs(server.app, role);
    clients++;
    return {
      ...syncClient(server.app, token, {
        clientGroupId: `group-${kind}-${clients}`,
        clientId: `client-${kind}-${clients}`,
      }),
      user,
    };
  };

  describe('pull', () => {
    it('gives a new client clear + the full state and a cookie', async () => {
      const client = await newClient();
      const response = await client.pull(null);
      expect(response.patch[0]).toEqual({ op: 'clear' });
      expect(puts(response.patch, 'ticket')).toHaveLength(30);
      expect(puts(response.patch, 'customer')).toHaveLength(10);
      expect(puts(response.patch, 'member')).toHaveLength(5);
      expect(response.cookie).toMatch(/^wsp_demo:[0-9a-f-]{36}:\d+$/);
      expect(response.resume).toBeNull();
    });

    it('sends only what changed since the cookie', async () => {
      const client = await newClient();
      const { cookie } = await client.pull(null);
      expect((await client.pull(cookie)).patch).toEqual([]);

      await client.push([client.mutation('setPriority', { ticketId: 'tkt_000003', priority: 'urgent' })]);
      const changes = await client.pull(cookie);
      expect(puts(changes.patch, 'ticket')).toEqual([
        expect.objectContaining({ id: 'tkt_000003', priority: 'urgent' }),
      ]);
      expect(puts(changes.patch, 'ticketEvent')).toHaveLength(1);
      expect(changes.lastMutationIdChanges).toEqual({ [client.clientId]: 1 });
    });

    it('treats a cookie from another workspace, another epoch, the future or garbage as unknown', async () => {
      const client = await newClient();
      const { cookie } = await client.pull(null);
      const [, epoch] = cookie.split(':');
      expect((await client.pull(cookie)).patch).toEqual([]);
      for (const unknown of [
        `wsp_other:${epoch}:1`,
        'wsp_demo:00000000-0000-0000-0000-000000000000:1', // the database was reset: a new epoch
        `wsp_demo:${epoch}:999999999`,
        `wsp_demo:${epoch}:-1`,
        'garbage',
      ]) {
        expect((await client.pull(unknown)).patch[0]).toEqual({ op: 'clear' });
      }
    });

    it('pages a full pull with progress, and the next pull catches what changed while paging', async () => {
      const client = await newClient();
      const { user } = client;
      const pull = (cookie: string | null, resume: string | null) =>
        processPull(server.db, user, { protocolVersion: 1, clientGroupId: client.clientGroupId, cookie, resume }, 10);

      const [{ count: total } = { count: -1 }] = await server.db.query<{ count: number }>(
        'select count(*)::int8 as count from sync_rows where not deleted',
      );
      expect(total).toBeGreaterThanOrEqual(45); // 30 tickets, 10 customers, 5 members, events of earlier tests
      const first = await pull(null, null);
      expect(first.patch[0]).toEqual({ op: 'clear' });
      expect(first.resume).not.toBeNull();
      expect(first.progress).toEqual({ loaded: 10, total });

      // Someone changes a ticket the pages have not reached yet, and one they already passed.
      const other = await newClient('lead');
      await other.push([
        other.mutation('setPriority', { ticketId: 'tkt_000001', priority: 'low' }),
        other.mutation('setPriority', { ticketId: 'tkt_000030', priority: 'low' }),
      ]);

      const seen = new Map<string, unknown>();
      for (const op of first.patch) if (op.op === 'put') seen.set(`${op.entity}/${op.value.id}`, op.value);
      let page = first;
      while (page.resume) {
        page = await pull(null, page.resume);
        for (const op of page.patch) if (op.op === 'put') seen.set(`${op.entity}/${op.value.id}`, op.value);
      }
      // Every row once, plus the 2 events written while paging (they sort after the pages read so far).
      expect(page.progress).toEqual({ loaded: total + 2, total: total + 2 });
      expect(page.cookie).toBe(first.cookie);

      const catchUp = await client.pull(page.cookie);
      for (const op of catchUp.patch) if (op.op === 'put') seen.set(`${op.entity}/${op.value.id}`, op.value);
      expect(seen.get('ticket/tkt_000001')).toMatchObject({ priority: 'low' });
      expect(seen.get('ticket/tkt_000030')).toMatchObject({ priority: 'low' });
    });

    it('rejects a resume token it did not issue by starting over', async () => {
      const client = await newClient();
      const response = await client.pull(null, 'bm90LWEtdG9rZW4');
      expect(response.patch[0]).toEqual({ op: 'clear' });
    });
  });

  describe('push', () => {
    it('applies a mutation once, however often it is pushed', async () => {
      const client = await newClient();
      const mutation = client.mutation('setPriority', { ticketId: 'tkt_000005', priority: 'urgent' });
      expect(await client.push([mutation])).toEqual({ status: 200, body: { lastMutationId: 1 } });
      expect(await client.push([mutation])).toEqual({ status: 200, body: { lastMutationId: 1 } });
      expect(
        await client.push([mutation, client.mutation('setPriority', { ticketId: 'tkt_000005', priority: 'high' })]),
      ).toEqual({
        status: 200,
        body: { lastMutationId: 2 },
      });
      const events = await server.db.query(
        "select id from sync_rows where entity = 'ticketEvent' and data->>'ticketId' = 'tkt_000005'",
      );
      expect(events).toHaveLength(2);
      expect(await ticket(server, 'tkt_000005')).toMatchObject({ priority: 'high' });
    });

    it('stops at a gap and applies nothing after it', async () => {
      const client = await newClient();
      const response = await client.push([
        client.mutation('setPriority', { ticketId: 'tkt_000006', priority: 'urgent' }, 1),
        client.mutation('setPriority', { ticketId: 'tkt_000007', priority: 'urgent' }, 3),
      ]);
      expect(response.body).toEqual({ lastMutationId: 1 });
      expect((await ticket(server, 'tkt_000007')).priority).not.toBe('urgent');
    });

    it.each([
      ['a missing ticket', 'agent', 'setPriority', { ticketId: 'tkt_999999', priority: 'low' }, 'not_found'],
      ['a trainee', 'trainee', 'setPriority', { ticketId: 'tkt_000008', priority: 'low' }, 'forbidden'],
      ['an unknown mutation', 'agent', 'dropTables', {}, 'unknown_mutation'],
      ['bad arguments', 'agent', 'setPriority', { ticketId: 'tkt_000008', priority: 'p0' }, 'invalid'],
    ])(
      'rejects %s for good: lastMutationId moves, nothing changes, the reason is pulled',
      async (_label, role, name, args, code) => {
        const client = await newClient(role);
        const before = await ticket(server, 'tkt_000008');
        const { cookie } = await client.pull(null);
        expect((await client.push([client.mutation(name, args)])).body).toEqual({ lastMutationId: 1 });
        expect(await ticket(server, 'tkt_000008')).toEqual(before);

        const changes = await client.pull(cookie);
        expect(changes.lastMutationIdChanges).toEqual({ [client.clientId]: 1 });
        expect(puts(changes.patch, 'rejection')).toEqual([
          expect.objectContaining({
            clientId: client.clientId,
            mutationId: 1,
            name,
            code,
            message: expect.any(String),
          }),
        ]);
        expect(puts(changes.patch, 'ticket')).toEqual([]);
      },
    );

    it('lets every role but trainee triage (role × setPriority)', async () => {
      for (const role of ['agent', 'analyst', 'lead', 'admin', 'trainee']) {
        const client = await newClient(role);
        const priority = role === 'lead' ? 'urgent' : 'low';
        await client.push([client.mutation('setPriority', { ticketId: 'tkt_000010', priority })]);
        const rejected = await server.db.query('select 1 from mutation_rejections where client_id = $1', [
          client.clientId,
        ]);
        expect({ role, rejected: rejected.length === 1 }).toEqual({ role, rejected: role === 'trainee' });
      }
    });

    it('answers with the lastMutationId it really has, so a client can tell the server lost data', async () => {
      const client = await newClient();
      // A client that believes #1–#6 were confirmed pushes #7 to a server that never saw it.
      const response = await client.push([
        client.mutation('setPriority', { ticketId: 'tkt_000009', priority: 'urgent' }, 7),
      ]);
      expect(response.body).toEqual({ lastMutationId: 0 });
      expect((await ticket(server, 'tkt_000009')).priority).not.toBe('urgent');
    });

    it('keeps one client group to one user', async () => {
      const agent = await newClient('agent');
      await agent.push([]);
      const { token } = await loginAs(server.app, 'analyst');
      const intruder = syncClient(server.app, token, { clientGroupId: agent.clientGroupId, clientId: 'intruder' });
      expect(
        (await intruder.push([intruder.mutation('setPriority', { ticketId: 'tkt_000001', priority: 'low' })])).status,
      ).toBe(403);
    });

    it('gives every committed push its own version, even when pushes race', async () => {
      const racers = await Promise.all([newClient(), newClient(), newClient(), newClient()]);
      const { cookie } = await racers[0].pull(null);
      await Promise.all(
        racers.map((client, index) =>
          client.push([client.mutation('setPriority', { ticketId: `tkt_00001${index + 1}`, priority: 'urgent' })]),
        ),
      );
      const changes = await racers[0].pull(cookie);
      expect(
        puts(changes.patch, 'ticket')
          .map((t) => t.id)
          .sort(),
      ).toEqual(['tkt_000011', 'tkt_000012', 'tkt_000013', 'tkt_000014']);
      const versions = await server.db.query<{ version: number }>(
        'select version from clients where id = any($1::text[])',
        [racers.map((client) => client.clientId)],
      );
      expect(new Set(versions.map((row) => row.version)).size).toBe(4);
    });
  });
});
