import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_ROUTES } from '#shared/api/routes';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, bearer, loginAs, startTestServer } from '../testing/test-server.ts';

describeEachDatabase('sign-in', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    server.app.inject({ method: 'POST', url: API_ROUTES.login, payload: { email, password }, remoteAddress: ip });

  it('signs in every demo role and issues a session token', async () => {
    for (const role of ['agent', 'analyst', 'lead', 'trainee', 'admin']) {
      const session = await loginAs(server.app, role);
      expect(session.user).toMatchObject({ role, workspaceId: 'wsp_demo', email: `${role}@demo.shiftdesk.test` });
      expect(session.token.length).toBeGreaterThanOrEqual(43);
      const me = await server.app.inject({ method: 'GET', url: API_ROUTES.me, headers: bearer(session.token) });
      expect(me.json()).toEqual(session.user);
    }
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await login('agent@demo.shiftdesk.test', 'nope');
    const unknown = await login('nobody@demo.shiftdesk.test', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json<{ message: string }>().message).toMatch(/do not match/);
  });

  it('normalizes the email address', async () => {
    expect((await login('  Agent@Demo.Shiftdesk.Test ', 'shiftdesk-demo')).statusCode).toBe(400); // spaces are not an email
    expect((await login('Agent@Demo.Shiftdesk.Test', 'shiftdesk-demo')).statusCode).toBe(200);
  });

  it('rejects malformed sign-in bodies with 400 and a reason', async () => {
    const response = await server.app.inject({ method: 'POST', url: API_ROUTES.login, payload: { email: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'invalid_request',
      message: expect.stringMatching(/request body is invalid.*password/s),
    });
  });

  it('ends the session on sign-out', async () => {
    const session = await loginAs(server.app, 'lead');
    await server.app.inject({ method: 'POST', url: API_ROUTES.logout, headers: bearer(session.token) });
    const me = await server.app.inject({ method: 'GET', url: API_ROUTES.me, headers: bearer(session.token) });
    expect(me.statusCode).toBe(401);
  });

  it('slows password guessing: the 11th failure in a row is refused with 429', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await login('analyst@demo.shiftdesk.test', `guess-${attempt}`, '10.9.9.9')).statusCode).toBe(401);
    }
    const blocked = await login('analyst@demo.shiftdesk.test', 'shiftdesk-demo', '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    // Another address is not locked out by someone else's guessing.
    expect((await login('analyst@demo.shiftdesk.test', 'shiftdesk-demo', '10.1.1.1')).statusCode).toBe(200);
  });

  it('records sign-ins in the audit log', async () => {
    const rows = await server.db.query<{ action: string }>("select action from audit_log where action like 'login%'");
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['login', 'login.failed']));
  });
});
