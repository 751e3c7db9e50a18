import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { Ticket } from '#shared/domain/ticket';
import { TicketEvent } from '#shared/domain/ticket-event';
import { insertTestApiKey } from '../testing/test-api-keys.ts';
import { listenOnLoopback, postIntake } from '../testing/intake-client.ts';
import { putsOf } from '../testing/patch.ts';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';

const HOUR = 3_600_000;

/**
 * "Nothing waits on an empty chair", end to end on the server: shifts and
 * claims pushed by real clients, the customer's message through the intake
 * API over HTTP, the routed ticket read back from the database and pulled by a device.
 */
describeEachDatabase('a customer message on a ticket whose owner is off shift', (kind) => {
  let server: TestServer;
  let base: string;
  let secret: string;
  let clients = 0;

  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 10 });
    base = await listenOnLoopback(server.app);
    ({ secret } = await insertTestApiKey(server.db, 'wsp_demo', ['intake']));
  });
  afterAll(async () => {
    await server.close();
  });

  const client = async (role: string) => {
    const { token } = await loginAs(server.app, role);
    clients++;
    return syncClient(server.app, token, {
      clientGroupId: `route-${kind}-g${clients}`,
      clientId: `route-${kind}-c${clients}`,
    });
  };
  const pushed = async (role: string, name: string, args: object) => {
    const device = await client(role);
    const answer = await device.push([device.mutation(name, args)]);
    expect(answer).toEqual({ status: 200, body: { lastMutationId: 1, rejections: [] } });
  };
  const ticketRow = async (id: string) => {
    const [row] = await server.db.query<{ data: unknown }>(
      "select data from sync_rows where entity = 'ticket' and id = $1",
      [id],
    );
    return Ticket.parse(row?.data);
  };
  const historyOf = async (id: string) => {
    const rows = await server.db.query<{ data: unknown }>(
      "select data from sync_rows where entity = 'ticketEvent' and data->>'ticketId' = $1",
      [id],
    );
    return rows.map((row) => TicketEvent.parse(row.data)).sort((a, b) => a.at - b.at);
  };
  const customerWrites = async (ticketId: string) => {
    const { number } = await ticketRow(ticketId);
    const answer = await postIntake(base, routePath(API_ROUTES.intakeMessage, { number: number! }), secret, {
      from: { email: 'ops@kestrelfreight.example', name: 'Ola Berg' },
      body: 'Any news? The map is still blank.',
    });
    expect(answer.status).toBe(201);
    return ticketRow(ticketId);
  };
  const startShift = (role: string, as?: string) =>
    pushed(role, 'startShift', {
      shiftId: `sft_${role}_${kind}`,
      plannedEnd: Date.now() + 8 * HOUR,
      ...(as ? { role: as } : {}),
    });

  // The tests build on each other: nobody on shift, then Priya covering as an agent, then Sam on too.
  it('with nobody on shift, the ticket stays with its owner', async () => {
    await pushed('agent', 'claimTicket', { ticketId: 'tkt_000001' });
    expect(await customerWrites('tkt_000001')).toMatchObject({ assigneeId: 'usr_agent' });
    const moves = (await historyOf('tkt_000001')).filter((event) => event.change.kind === 'assignee_changed');
    expect(moves).toHaveLength(1); // the claim, nothing after the message
  });

  it('goes to an agent on shift, with a history line saying why, and reaches devices', async () => {
    await pushed('agent', 'claimTicket', { ticketId: 'tkt_000002' });
    // Priya (an analyst) covers as an agent; Jordan, the lead, is on too: an agent is preferred.
    await startShift('analyst', 'agent');
    await startShift('lead');
    const device = await client('agent');
    const before = (await device.pullAll(null)).at(-1)!.cookie;

    const routed = await customerWrites('tkt_000002');

    expect(routed).toMatchObject({ assigneeId: 'usr_analyst' });
    const history = await historyOf('tkt_000002');
    expect(history.at(-1)).toMatchObject({
      actorId: null,
      change: { kind: 'assignee_changed', from: 'usr_agent', to: 'usr_analyst', reason: 'owner_off_shift' },
    });
    expect(history.at(-2)?.change.kind).toBe('customer_message');
    // Synced like any server-side change: the owner's device hears of it on its next pull.
    const patch = (await device.pullAll(before)).flatMap((page) => page.patch);
    expect(putsOf(patch, 'ticket')).toContainEqual(
      expect.objectContaining({ id: 'tkt_000002', assigneeId: 'usr_analyst' }),
    );
    expect(putsOf(patch, 'ticketEvent')).toContainEqual(
      expect.objectContaining({ change: expect.objectContaining({ reason: 'owner_off_shift' }) }),
    );
  });

  it('among agents on shift, the one with the fewest open tickets takes it', async () => {
    // Morgan (admin) covers as an agent too, holding nothing; Priya holds the ticket routed above.
    await startShift('admin', 'agent');
    await pushed('agent', 'claimTicket', { ticketId: 'tkt_000003' });
    expect(await customerWrites('tkt_000003')).toMatchObject({ assigneeId: 'usr_admin' });
  });

  it('an owner on shift keeps the ticket', async () => {
    await startShift('agent');
    await pushed('agent', 'claimTicket', { ticketId: 'tkt_000004' });
    expect(await customerWrites('tkt_000004')).toMatchObject({ assigneeId: 'usr_agent' });
    expect((await historyOf('tkt_000004')).filter((event) => event.change.kind === 'assignee_changed')).toHaveLength(1);
  });

  it('an owner whose account was disabled mid-shift is not at the console: an agent on shift takes it', async () => {
    await pushed('agent', 'claimTicket', { ticketId: 'tkt_000005' });
    await server.db.query("update users set disabled_at = now() where id = 'usr_agent'");
    try {
      expect(await customerWrites('tkt_000005')).toMatchObject({ assigneeId: 'usr_admin' });
    } finally {
      await server.db.query("update users set disabled_at = null where id = 'usr_agent'");
    }
  });

  it('a handover is never submitted to someone who can no longer sign in', async () => {
    const device = await client('agent');
    const item = {
      id: 'i1',
      subject: { kind: 'ticket', id: 'tkt_000006', label: '#1006 Map blank' },
      severity: 'watch',
      summary: 'Map still blank for Kestrel',
      actions: [],
      awareness: '',
      contingency: '',
    };
    await server.db.query("update users set disabled_at = now() where id = 'usr_analyst'");
    try {
      const answer = await device.push([
        device.mutation('addHandoverItem', { handoverId: `hov_route_${kind}`, item }),
        device.mutation('submitHandover', {
          handoverId: `hov_route_${kind}`,
          toUserId: 'usr_analyst',
          snapshot: { at: Date.now(), sections: [] },
        }),
      ]);
      expect(answer.body).toMatchObject({
        lastMutationId: 2,
        rejections: [
          expect.objectContaining({ code: 'invalid', message: expect.stringContaining('can no longer sign in') }),
        ],
      });
    } finally {
      await server.db.query("update users set disabled_at = null where id = 'usr_analyst'");
    }
  });
});
