import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_ROUTES } from '#shared/api/routes';
import { DEMO_PASSWORD } from '../seed/demo-content.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, bearer, loginAs, startTestServer } from '../testing/test-server.ts';

describeEachDatabase('logs never hold secrets', (kind) => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, {
      tickets: 5,
      config: { logLevel: 'trace' },
      logStream: { write: (line) => void lines.push(line) },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('leaves passwords, session tokens and bearer headers out of every line, even at trace', async () => {
    const { token } = await loginAs(server.app, 'agent');
    await server.app.inject({ method: 'GET', url: API_ROUTES.me, headers: bearer(token) });
    const wrongPassword = 'not-the-password-1234';
    await server.app.inject({
      method: 'POST',
      url: API_ROUTES.login,
      payload: { email: 'agent@demo.shiftdesk.test', password: wrongPassword },
    });
    const wrongToken = 'x'.repeat(40);
    await server.app.inject({ method: 'GET', url: API_ROUTES.me, headers: bearer(wrongToken) });
    // A logged object that carries secrets (as a careless log call would) is redacted too.
    server.app.log.warn({ body: { password: DEMO_PASSWORD, token } }, 'careless');

    // The requests were logged (so the test looks at real lines), and nothing secret is in them.
    expect(lines.filter((line) => line.includes(API_ROUTES.login)).length).toBeGreaterThanOrEqual(2);
    expect(lines.some((line) => line.includes('careless') && line.includes('[Redacted]'))).toBe(true);
    for (const secret of [DEMO_PASSWORD, wrongPassword, token, wrongToken]) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
