import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, can } from '#shared/domain/permissions';
import { ROLES } from '#shared/domain/roles';
import { Ticket } from '#shared/domain/ticket';
import { putsOf } from '../testing/patch.ts';
import { MUTATION_NAMES, mutations } from '#shared/sync/mutators/registry';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { API_ROUTES } from '#shared/api/routes';
import { PROTOCOL_VERSION } from '#shared/sync/protocol';
import { type TestServer, bearer, loginAs, startTestServer } from '../testing/test-server.ts';

const puts = putsOf;

describeEachDatabase('sync push', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 60 });
  });
  afterAll(async () => {
    await server.close();
  });

  // Every test uses its own tickets and its own clients, so tests never see each other's writes.
  let clients = 0;
  const client = async (role = 'agent', ids: { clientGroupId?: string; clientId?: string } = {}) => {
    const { token, user } = await loginAs(server.app, role);
    clients++;
    return {
      ...syncClient(server.app, token, {
        clientGroupId: ids.clientGroupId ?? `push-${kind}-g${clients}`,
        clientId: ids.clientId ?? `push-${kind}-c${clients}`,
      }),
      user,
      token,
    };
  };
  const ticket = async (id: string) => {
    const [row] = await server.db.query<{ data: unknown }>(
      "select data from sync_rows where entity = 'ticket' and id = $1",
      [id],
    );
    return Ticket.parse(row?.data);
  };
  const auditOf = async (clientId: string) =>
    server.db.query<{ action: string; name: string; outcome: string; code: string | null }>(
      `select action, detail->>'name' as name, detail->>'outcome' as outcome, detail->>'code' as code
         from audit_log where detail->>'clientId' = $1 order by id`,
      [clientId],
    );

  it('applies a mutation once, however often it is pushed', async () => {
    const agent = await client();
    const mutation = agent.mutation('setPriority', { ticketId: 'tkt_000005', priority: 'urgent' });
    expect(await agent.push([mutation])).toEqual({ status: 200, body: { lastMutationId: 1, rejections: [] } });
    expect(await agent.push([mutation])).toEqual({ status: 200, body: { lastMutationId: 1, rejections: [] } });
    const second = agent.mutation('setPriority', { ticketId: 'tkt_000005', priority: 'high' });
    expect(await agent.push([mutation, second])).toEqual({ status: 200, body: { lastMutationId: 2, rejections: [] } });
    // Audited once each, under the one action the audit log knows for ticket changes.
    expect(await auditOf(agent.clientId)).toEqual([
      { action: 'ticket.changed', name: 'setPriority', outcome: 'applied', code: null },
      { action: 'ticket.changed', name: 'setPriority', outcome: 'applied', code: null },
    ]);
    expect(await ticket('tkt_000005')).toMatchObject({ priority: 'high' });
  });

  it('stops at a gap and applies nothing after it', async () => {
    const agent = await client();
    const before = await ticket('tkt_000007');
    const response = await agent.push([
      agent.mutation('setPriority', { ticketId: 'tkt_000006', priority: 'urgent' }, 1),
      agent.mutation(
        'setPriority',
        { ticketId: 'tkt_000007', priority: before.priority === 'low' ? 'high' : 'low' },
        3,
      ),
    ]);
    expect(response.body).toMatchObject({ lastMutationId: 1 });
    expect(await ticket('tkt_000007')).toEqual(before);
  });

  it('works through a large push in several transactions, each with its own version', async () => {
    const agent = await client();
    const batch = Array.from({ length: 120 }, (_, i) =>
      agent.mutation('setPriority', { ticketId: 'tkt_000008', priority: i % 2 ? 'urgent' : 'low' }),
    );
    expect((await agent.push(batch)).body).toMatchObject({ lastMutationId: 120 });
    // 120 mutations in chunks of 50: three commits, each with its own workspace version.
    const events = await server.db.query<{ version: number }>(
      "select distinct version from sync_rows where entity = 'ticketEvent' and data->>'ticketId' = 'tkt_000008'",
    );
    expect(events.length).toBe(3);
    expect(await ticket('tkt_000008')).toMatchObject({ priority: 'urgent' });
  });

  it.each([
    ['a missing ticket', 'agent', 'setPriority', { ticketId: 'tkt_999999', priority: 'low' }, 'not_found'],
    ['a trainee', 'trainee', 'setPriority', { ticketId: 'tkt_000009', priority: 'low' }, 'forbidden'],
    ['an unknown mutation', 'agent', 'dropTables', {}, 'unknown_mutation'],
    ['bad arguments', 'agent', 'setPriority', { ticketId: 'tkt_000009', priority: 'p0' }, 'invalid'],
    ['a mutation without args', 'agent', 'setPriority', undefined, 'invalid'],
    ['a NUL byte in a tag', 'agent', 'addTag', { ticketId: 'tkt_000009', tag: 'a\u0000b' }, 'invalid'],
  ])(
    'rejects %s for good: lastMutationId moves, nothing changes, the reason is pulled',
    async (_label, role, name, args, code) => {
      const agent = await client(role);
      const before = await ticket('tkt_000009');
      const pages = await agent.pullAll(null);
      const cookie = pages.at(-1)?.cookie ?? null;
      const mutation = agent.mutation(name, args);
      if (args === undefined) delete (mutation as { args?: unknown }).args;
      const pushed = await agent.push([
        mutation,
        agent.mutation('setPriority', { ticketId: 'tkt_000010', priority: 'high' }),
      ]);
      expect(pushed).toMatchObject({ status: 200, body: { lastMutationId: 2 } });
      // The push answers its refusals too (for changes carried here from another device's export).
      expect(pushed.body.rejections.filter((r) => r.mutationId === 1)).toEqual([
        expect.objectContaining({ clientId: agent.clientId, mutationId: 1, name, code }),
      ]);
      expect(await ticket('tkt_000009')).toEqual(before);
      expect((await auditOf(agent.clientId))[0]).toEqual({ action: 'ticket.changed', name, outcome: 'refused', code });
      const changes = await agent.pull(cookie);
      expect(changes.lastMutationIdChanges).toEqual({ [agent.clientId]: 2 });
      expect(puts(changes.patch, 'rejection').filter((r) => r.mutationId === 1)).toEqual([
        expect.objectContaining({ clientId: agent.clientId, mutationId: 1, name, code, message: expect.any(String) }),
      ]);
    },
  );

  it('records what a conflict was about and the way forward, for the losing agent to see', async () => {
    const first = await client('agent');
    const second = await client('lead');
    const cookie = (await second.pullAll(null)).at(-1)?.cookie ?? null;
    await first.push([first.mutation('claimTicket', { ticketId: 'tkt_000011' })]);
    await second.push([second.mutation('claimTicket', { ticketId: 'tkt_000011' })]);
    const changes = await second.pull(cookie);
    const [rejection] = puts(changes.patch, 'rejection');
    expect(rejection).toMatchObject({
      code: 'conflict',
      message: 'Sam Rivera claimed this ticket first.',
      subject: { entity: 'ticket', id: 'tkt_000011' },
      resolutions: [
        {
          label: 'Take it over',
          mutation: {
            name: 'assignTicket',
            args: { ticketId: 'tkt_000011', assigneeId: second.user.id, expectedAssigneeId: first.user.id },
          },
        },
      ],
    });
    expect(puts(changes.patch, 'ticket')).toEqual([
      expect.objectContaining({ id: 'tkt_000011', assigneeId: first.user.id }),
    ]);
  });

  it('asks the server-only part too: a lead cannot assign someone who has no account', async () => {
    const lead = await client('lead');
    await server.db.query(
      `insert into sync_rows (workspace_id, entity, id, data, version)
       values ('wsp_demo', 'member', 'usr_ghost', '{"id":"usr_ghost","name":"Gone Person","email":"ghost@x.example","role":"agent"}', 1)`,
    );
    const response = await lead.push([
      lead.mutation('assignTicket', { ticketId: 'tkt_000012', assigneeId: 'usr_ghost', expectedAssigneeId: null }),
    ]);
    expect(response.body).toMatchObject({ lastMutationId: 1 });
    const [rejection] = await server.db.query<{ code: string; message: string }>(
      'select code, message from mutation_rejections where client_id = $1',
      [lead.clientId],
    );
    expect(rejection).toEqual({ code: 'invalid', message: 'That teammate no longer has an account on this server.' });
    expect((await ticket('tkt_000012')).assigneeId).toBeNull();
  });

  describe('role × mutation, from the one permission table', () => {
    const cases = MUTATION_NAMES.flatMap((name) => ROLES.map((role) => [name, role] as const));
    it.each(cases)('%s as %s', async (name, role) => {
      const actor = await client(role);
      await actor.push([actor.mutation(name, { ticketId: 'tkt_000013' })]);
      const [rejection] = await server.db.query<{ code: string }>(
        'select code from mutation_rejections where client_id = $1',
        [actor.clientId],
      );
      const forbidden = !can(role, mutations[name].permission);
      expect({ role, forbidden: rejection?.code === 'forbidden' }).toEqual({ role, forbidden });
    });

    it('has an action for every mutation', () => {
      expect(MUTATION_NAMES.filter((name) => !(mutations[name].permission in ACTIONS))).toEqual([]);
    });
  });

  it('answers with the lastMutationId it really has, so a client can tell the server lost data', async () => {
    const agent = await client();
    const response = await agent.push([
      agent.mutation('setPriority', { ticketId: 'tkt_000014', priority: 'urgent' }, 7),
    ]);
    expect(response.body).toMatchObject({ lastMutationId: 0 });
  });

  it('makes the carrier of a change its device had already pushed hear the refusal again after a fresh download', async () => {
    // The laptop pushes a change the server refuses, loses the answer and breaks; its export reaches the desktop.
    const laptop = await client('agent');
    const refused = laptop.mutation('setPriority', { ticketId: 'tkt_999998', priority: 'low' });
    await laptop.push([refused]);
    const desktop = await client('agent');
    const carried = await server.app.inject({
      method: 'POST',
      url: API_ROUTES.push,
      headers: bearer(desktop.token),
      payload: {
        protocolVersion: PROTOCOL_VERSION,
        clientGroupId: laptop.clientGroupId,
        clientId: laptop.clientId,
        carrierGroupId: desktop.clientGroupId,
        mutations: [refused],
      },
    });
    expect(carried.json()).toMatchObject({ lastMutationId: 1, rejections: [{ mutationId: 1, code: 'not_found' }] });
    // A full download (a new window, a reset) wipes what only that answer brought; the pull brings it back.
    const pages = await desktop.pullAll(null);
    const seen = pages.flatMap((page) => puts(page.patch, 'rejection'));
    expect(seen).toEqual([expect.objectContaining({ clientId: laptop.clientId, mutationId: 1, code: 'not_found' })]);
  });

  it('keeps one client group to one user', async () => {
    const agent = await client('agent');
    await agent.push([]);
    const intruder = await client('analyst', { clientGroupId: agent.clientGroupId, clientId: 'intruder' });
    const response = await intruder.push([
      intruder.mutation('setPriority', { ticketId: 'tkt_000001', priority: 'low' }),
    ]);
    expect(response.status).toBe(403);
  });

  it('tells nobody another device’s progress: an empty push naming a client of another group is refused', async () => {
    const victim = await client('analyst');
    await victim.push([victim.mutation('setPriority', { ticketId: 'tkt_000015', priority: 'urgent' })]);
    const snoop = await client('agent');
    const response = await snoop.push([], victim.clientId);
    expect(response.status).toBe(403);
    expect(JSON.stringify(response.body)).not.toContain('lastMutationId');
  });

  it('accepts the longest client id the protocol allows, and refuses a longer one', async () => {
    const agent = await client('agent', { clientId: 'c'.repeat(40) });
    expect((await agent.push([agent.mutation('addTag', { ticketId: 'tkt_000016', tag: 'long-id' })])).body).toEqual({
      lastMutationId: 1,
      rejections: [],
    });
    expect(await server.db.query('select 1 from mutation_rejections where client_id = $1', [agent.clientId])).toEqual(
      [],
    );
    expect((await ticket('tkt_000016')).tags).toContain('long-id');
    const tooLong = await client('agent', { clientId: 'c'.repeat(41) });
    expect((await tooLong.push([])).status).toBe(400);
  });

  it('gives every committed push its own version, even when pushes race', async () => {
    const racers = await Promise.all([client(), client(), client(), client()]);
    await Promise.all(
      racers.map((racer, index) =>
        racer.push([racer.mutation('setPriority', { ticketId: `tkt_00002${index}`, priority: 'urgent' })]),
      ),
    );
    const versions = await server.db.query<{ version: number }>(
      'select version from clients where id = any($1::text[])',
      [racers.map((racer) => racer.clientId)],
    );
    expect(new Set(versions.map((row) => row.version)).size).toBe(4);
  });
});
