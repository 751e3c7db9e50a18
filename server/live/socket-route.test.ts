import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SocketServerMessage } from '#shared/sync/socket-protocol';
import { buildApp } from '../app.ts';
import { openPostgresDatabase } from '../db/postgres-database.ts';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { listen, openSocket } from '../testing/test-socket.ts';
import { type TestServer, loginAs, startTestServer, testConfig } from '../testing/test-server.ts';

describeEachDatabase('the live channel over WebSocket', (kind) => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    url = await listen(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('pokes a signed-in socket with the new version after another client’s push commits', async () => {
    const watcher = await loginAs(server.app, 'lead');
    const socket = await openSocket(url);
    socket.send({ type: 'hello', token: watcher.token });
    await socket.next('ready');

    const { token } = await loginAs(server.app, 'agent');
    const writer = syncClient(server.app, token, { clientGroupId: `poke-${kind}`, clientId: `poke-client-${kind}` });
    const after = socket.messages.length;
    await writer.push([writer.mutation('setPriority', { ticketId: 'tkt_000002', priority: 'urgent' })]);
    const poke = await socket.next('poke', after);

    const [{ version } = { version: -1 }] = await server.db.query<{ version: number }>(
      'select version from workspaces',
    );
    expect(poke.version).toBe(version);
    expect(JSON.stringify(poke)).not.toContain('tkt_000002'); // pokes carry no content
    socket.socket.close();
  });

  /** A signed-in socket for a role, ready. */
  const signedIn = async (role: string, target = url, app = server.app) => {
    const { token, user } = await loginAs(app, role);
    const socket = await openSocket(target);
    socket.send({ type: 'hello', token });
    const ready = await socket.next('ready');
    return { ...socket, user, connectionId: ready.connectionId };
  };
  const lastPresence = (socket: Awaited<ReturnType<typeof openSocket>>) =>
    [...socket.messages]
      .reverse()
      .find((m): m is Extract<SocketServerMessage, { type: 'presence' }> => m.type === 'presence');

  it('shares who is viewing which ticket, and forgets a window the moment it closes', async () => {
    const viewer = await signedIn('agent');
    const watcher = await signedIn('lead');
    viewer.send({ type: 'presence', state: { ticketId: 'tkt_000005', activity: 'viewing' } });
    await watcher.until(
      () => lastPresence(watcher)?.entries.some((e) => e.userId === viewer.user.id) === true,
      'presence',
    );
    expect(lastPresence(watcher)?.entries.filter((e) => e.userId === viewer.user.id)).toEqual([
      {
        connectionId: viewer.connectionId,
        userId: viewer.user.id,
        ticketId: 'tkt_000005',
        activity: 'viewing',
        since: expect.any(Number),
      },
    ]);
    viewer.send({ type: 'presence', state: { ticketId: 'tkt_000005', activity: 'replying' } });
    await watcher.until(
      () => lastPresence(watcher)?.entries.some((e) => e.activity === 'replying') === true,
      'replying',
    );

    viewer.socket.close();
    await watcher.until(
      () => lastPresence(watcher)?.entries.every((e) => e.userId !== viewer.user.id) === true,
      'gone',
    );
    watcher.socket.close();
  });

  it('drops the presence of a window that stops answering pings, within 10 seconds', async () => {
    const { token, user } = await loginAs(server.app, 'analyst');
    // A client whose network died: it never answers the server's pings (and never closes).
    const silent = new WebSocket(url, { autoPong: false });
    await new Promise<void>((resolve) => silent.once('open', () => resolve()));
    const ready = new Promise<void>((resolve) => silent.once('message', () => resolve()));
    silent.send(JSON.stringify({ type: 'hello', token }));
    await ready;
    silent.send(JSON.stringify({ type: 'presence', state: { ticketId: 'tkt_000006', activity: 'viewing' } }));
    const watcher = await signedIn('lead');
    await watcher.until(
      () => lastPresence(watcher)?.entries.some((e) => e.userId === user.id) === true,
      'presence',
      5_000,
    );
    const seenAt = Date.now();
    await watcher.until(
      () => lastPresence(watcher)?.entries.every((e) => e.userId !== user.id) === true,
      'expiry',
      12_000,
    );
    expect(Date.now() - seenAt).toBeLessThan(10_000);
    silent.terminate();
    watcher.socket.close();
  }, 20_000);

  it('answers pings, so a client can tell a live connection from a dead one', async () => {
    const socket = await signedIn('agent');
    const after = socket.messages.length;
    socket.send({ type: 'ping', at: 1234 });
    expect(await socket.next('pong', after)).toEqual({ type: 'pong', at: 1234 });
    socket.socket.close();
  });

  it('tells a person when a lead assigns them a ticket, and nobody else', async () => {
    const assignee = await signedIn('analyst');
    const bystander = await signedIn('agent');
    const lead = await loginAs(server.app, 'lead');
    const writer = syncClient(server.app, lead.token, {
      clientGroupId: `assign-${kind}`,
      clientId: `assign-client-${kind}`,
    });
    await writer.push([
      writer.mutation('assignTicket', {
        ticketId: 'tkt_000007',
        assigneeId: assignee.user.id,
        expectedAssigneeId: null,
      }),
    ]);
    expect(await assignee.next('notice')).toMatchObject({
      title: 'Jordan Okafor assigned you a ticket',
      ticketId: 'tkt_000007',
    });
    // Then a ticket for the bystander: notices go out in order, so once theirs is here, a stray copy of
    // the first one would have arrived before it.
    await writer.push([
      writer.mutation('assignTicket', {
        ticketId: 'tkt_000008',
        assigneeId: bystander.user.id,
        expectedAssigneeId: null,
      }),
    ]);
    await bystander.next('notice');
    const notices = bystander.messages.flatMap((m) => (m.type === 'notice' ? [m.ticketId] : []));
    expect(notices).toEqual(['tkt_000008']);
    assignee.socket.close();
    bystander.socket.close();
  });

  it('refuses a bad token and closes', async () => {
    const socket = await openSocket(url);
    socket.send({ type: 'hello', token: 'x'.repeat(43) });
    expect(await socket.next('error')).toMatchObject({ code: 'unauthenticated' });
    expect((await socket.closed()).code).toBe(4401);
  });

  it('answers garbage with an error instead of crashing', async () => {
    const socket = await openSocket(url);
    socket.socket.send('{not json');
    socket.send({ type: 'subscribe', everything: true });
    expect(await socket.next('error')).toMatchObject({ code: 'bad_message' });
    socket.socket.close();
  });

  if (kind === 'postgres') {
    it('keeps poking after the LISTEN connection is killed (failover, restart)', async () => {
      const watcher = await loginAs(server.app, 'lead');
      const socket = await openSocket(url);
      socket.send({ type: 'hello', token: watcher.token });
      await socket.next('ready');

      const killed = await server.db.query<{ killed: boolean }>(
        `select pg_terminate_backend(pid) as killed from pg_stat_activity
          where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`,
      );
      expect(killed.map((row) => row.killed)).toContain(true);

      const { token } = await loginAs(server.app, 'agent');
      const writer = syncClient(server.app, token, { clientGroupId: 'relisten-group', clientId: 'relisten-client' });
      // The listener reconnects with backoff; keep writing until a poke gets through.
      const deadline = Date.now() + 10_000;
      let got = false;
      for (let id = 1; !got && Date.now() < deadline; id++) {
        const after = socket.messages.length;
        await writer.push([
          writer.mutation('setPriority', { ticketId: 'tkt_000004', priority: id % 2 ? 'low' : 'high' }, id),
        ]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        got = socket.messages.slice(after).some((message) => message.type === 'poke');
      }
      expect(got).toBe(true);
      socket.socket.close();
    });

    it('fans pokes out across server instances through LISTEN/NOTIFY', async () => {
      const secondDb = await openPostgresDatabase(server.databaseUrl ?? '');
      const second = await buildApp(await testConfig(), secondDb);
      try {
        const secondUrl = await listen(second);
        const watcher = await loginAs(second.app, 'analyst');
        const socket = await openSocket(secondUrl);
        socket.send({ type: 'hello', token: watcher.token });
        await socket.next('ready');

        const { token } = await loginAs(server.app, 'agent');
        const writer = syncClient(server.app, token, { clientGroupId: 'fanout-group', clientId: 'fanout-client' });
        await writer.push([writer.mutation('setPriority', { ticketId: 'tkt_000003', priority: 'low' })]);
        expect((await socket.next('poke')).version).toBeGreaterThan(0);

        // Presence too: an agent on the first instance opens a ticket; the analyst on the second sees it.
        const viewer = await signedIn('agent');
        viewer.send({ type: 'presence', state: { ticketId: 'tkt_000009', activity: 'viewing' } });
        await socket.until(
          () =>
            lastPresence(socket)?.entries.some((e) => e.ticketId === 'tkt_000009' && e.userId === viewer.user.id) ===
            true,
          'presence from the other instance',
        );
        viewer.socket.close();
        await socket.until(
          () => lastPresence(socket)?.entries.every((e) => e.userId !== viewer.user.id) === true,
          'gone',
        );
        socket.socket.close();
      } finally {
        await second.app.close();
        await secondDb.close();
      }
    });
  }
});
