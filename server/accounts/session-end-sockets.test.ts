import { afterAll, beforeAll, expect, it } from 'vitest';
import { CreatedAccount } from '#shared/api/accounts';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { buildApp } from '../app.ts';
import { openPostgresDatabase } from '../db/postgres-database.ts';
import { apiAs, loginWith } from '../testing/api-calls.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { listen, openSocket } from '../testing/test-socket.ts';
import { TEST_PASSWORD_PARAMS, type TestServer, loginAs, startTestServer, testConfig } from '../testing/test-server.ts';

const PASSWORD = 'a long night on the rota';

describeEachDatabase('sockets of ended sessions', (kind) => {
  let server: TestServer;
  let url: string;
  let admin: ReturnType<typeof apiAs>;
  beforeAll(async () => {
    server = await startTestServer(kind);
    url = await listen(server);
    admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  let created = 0;
  const newAccount = async () => {
    created++;
    const response = await admin('POST', API_ROUTES.createUser, {
      email: `socket${created}-${kind}@example.com`,
      name: `Socket Person ${created}`,
      role: 'agent',
      password: PASSWORD,
    });
    return CreatedAccount.parse(response.json()).user;
  };
  /** A signed-in, ready socket for a session token. */
  const connected = async (token: string, target = url) => {
    const socket = await openSocket(target);
    socket.send({ type: 'hello', token });
    await socket.next('ready');
    return socket;
  };
  const me = (token: string) => apiAs(server.app, token)('GET', API_ROUTES.me);

  it('closes the sockets of a disabled account within two seconds; its token is refused', async () => {
    const account = await newAccount();
    const { token } = await loginWith(server.app, account.email, PASSWORD);
    const socket = await connected(token);
    const bystander = await connected((await loginAs(server.app, 'agent')).token);

    const started = Date.now();
    const disabled = await admin('PATCH', routePath(API_ROUTES.updateUser, { id: account.id }), { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect((await socket.closed(2_000)).code).toBe(4401);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The app signs out on this message (renderer/src/sync/live-socket.ts).
    expect(socket.messages.filter((m) => m.type === 'error')).toEqual([
      { type: 'error', code: 'unauthenticated', message: expect.any(String) },
    ]);
    expect((await me(token)).statusCode).toBe(401);

    // Someone else's socket stays open and keeps working.
    const after = bystander.messages.length;
    bystander.send({ type: 'ping', at: 1 });
    await bystander.next('pong', after);
    expect(bystander.isClosed()).toBe(false);
    bystander.socket.close();
  });

  it('closes the sockets of the other sessions when someone changes their password, not this one', async () => {
    const account = await newAccount();
    const here = await loginWith(server.app, account.email, PASSWORD);
    const elsewhere = await loginWith(server.app, account.email, PASSWORD);
    const hereSocket = await connected(here.token);
    const elsewhereSocket = await connected(elsewhere.token);
    const change = await apiAs(server.app, here.token)('POST', API_ROUTES.changePassword, {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(change.statusCode).toBe(204);
    expect((await elsewhereSocket.closed(2_000)).code).toBe(4401);
    const after = hereSocket.messages.length;
    hereSocket.send({ type: 'ping', at: 2 });
    await hereSocket.next('pong', after);
    expect(hereSocket.isClosed()).toBe(false);
    hereSocket.socket.close();
  });

  it('closes the sockets of a session that signs out', async () => {
    const { token } = await loginAs(server.app, 'analyst');
    const socket = await connected(token);
    await apiAs(server.app, token)('POST', API_ROUTES.logout);
    expect((await socket.closed(2_000)).code).toBe(4401);
  });

  it('shows who has the app open to leads: on shift while connected, off when the socket goes', async () => {
    const lead = apiAs(server.app, (await loginAs(server.app, 'lead')).token);
    const onShift = async (id: string) => {
      const response = await lead('GET', API_ROUTES.team);
      expect(response.statusCode).toBe(200);
      return response.json<{ members: { id: string; onShift: boolean }[] }>().members.find((m) => m.id === id)?.onShift;
    };
    const { token } = await loginAs(server.app, 'trainee');
    expect(await onShift('usr_trainee')).toBe(false);
    const socket = await connected(token);
    expect(await onShift('usr_trainee')).toBe(true);
    socket.socket.close();
    await socket.closed();
    await expect.poll(() => onShift('usr_trainee')).toBe(false);
  });

  if (kind === 'postgres') {
    it('closes a revoked account’s socket on another server instance too', async () => {
      const secondDb = await openPostgresDatabase(server.databaseUrl ?? '');
      const second = await buildApp(await testConfig(), secondDb, { passwordParams: TEST_PASSWORD_PARAMS });
      try {
        const secondUrl = await listen(second);
        const account = await newAccount();
        const { token } = await loginWith(second.app, account.email, PASSWORD);
        const socket = await connected(token, secondUrl);
        const revoked = await admin('POST', routePath(API_ROUTES.revokeSessions, { id: account.id }));
        expect(revoked.statusCode).toBe(204);
        expect((await socket.closed(2_000)).code).toBe(4401);
      } finally {
        await second.app.close();
        await secondDb.close();
      }
    });
  }
});
