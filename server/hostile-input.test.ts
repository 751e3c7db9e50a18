import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_ROUTES } from '#shared/api/routes';
import { describeEachDatabase } from './testing/test-databases.ts';
import { type TestServer, bearer, loginAs, startTestServer } from './testing/test-server.ts';

/** Payloads a hostile or broken client might send. None may produce a 5xx. */
const HOSTILE_BODIES: [string, string, string][] = [
  ['not json', '{"protocolVersion":', 'application/json'],
  ['a JSON string', '"hello"', 'application/json'],
  ['null', 'null', 'application/json'],
  ['an array', '[1,2,3]', 'application/json'],
  ['deep nesting', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, 'application/json'],
  [
    'a prototype pollution attempt',
    '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    'application/json',
  ],
  [
    'huge numbers',
    '{"protocolVersion":1e999,"clientGroupId":"g","clientId":"c","mutations":[{"id":1e999}]}',
    'application/json',
  ],
  ['wrong types', '{"protocolVersion":"1","clientGroupId":5,"clientId":[],"mutations":{}}', 'application/json'],
  ['form data', 'a=1&b=2', 'application/x-www-form-urlencoded'],
  ['plain text', 'hello', 'text/plain'],
  [
    'sql in ids',
    '{"protocolVersion":1,"clientGroupId":"g\'; drop table users;--","clientId":"c","mutations":[]}',
    'application/json',
  ],
  ['bad cookie', '{"protocolVersion":1,"clientGroupId":"g","cookie":{"$ne":null}}', 'application/json'],
  [
    'a mutation with odd args',
    '{"protocolVersion":1,"clientGroupId":"gh","clientId":"ch","mutations":[{"id":1,"name":"setPriority","args":{"ticketId":{"$gt":""}},"createdAt":1}]}',
    'application/json',
  ],
  [
    'a NUL byte in a mutation name',
    '{"protocolVersion":1,"clientGroupId":"gn","clientId":"cn","mutations":[{"id":1,"name":"set\\u0000Priority","args":{},"createdAt":1}]}',
    'application/json',
  ],
  [
    'a NUL byte in a resume token',
    `{"protocolVersion":1,"clientGroupId":"gr","cookie":null,"resume":"${Buffer.from(JSON.stringify({ epoch: 'x', baseVersion: 0, afterEntity: 'ticket\u0000', afterId: '\u0000', loaded: 0, total: 0 })).toString('base64url')}"}`,
    'application/json',
  ],
  [
    'a forged paged-pull token',
    `{"protocolVersion":1,"clientGroupId":"gf","cookie":null,"resume":"${Buffer.from(JSON.stringify({ kind: 'changes', epoch: 'x', windowDays: 30, since: 0, target: 1e15, cutoff: 0, afterVersion: 0, afterEntity: "'; drop table sync_rows; --", afterId: '', loaded: 0, total: 0 })).toString('base64url')}"}`,
    'application/json',
  ],
  [
    'a fetch of everything',
    '{"roots":[{"entity":"ticket","id":"%"},{"entity":"__proto__","id":"x"}]}',
    'application/json',
  ],
  ['a search for wildcards', '{"query":"%_%\\\\","limit":50}', 'application/json'],
  ['a NUL byte in an email', '{"email":"a\\u0000@b.example","password":"x"}', 'application/json'],
  ['an oversized body', JSON.stringify({ x: 'y'.repeat(3 * 1024 * 1024) }), 'application/json'],
];

describeEachDatabase('hostile input', (kind) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    token = (await loginAs(server.app, 'agent')).token;
  });
  afterAll(async () => {
    await server.close();
  });

  const routes = [
    API_ROUTES.login,
    API_ROUTES.push,
    API_ROUTES.pull,
    API_ROUTES.fetch,
    API_ROUTES.problems,
    API_ROUTES.archiveSearch,
    API_ROUTES.logout,
  ];

  it.each(HOSTILE_BODIES)(
    '%s gets a 4xx with a message on every route, never a 5xx',
    async (_label, payload, contentType) => {
      for (const url of routes) {
        // Sign-out would end the shared session, so it gets a session of its own.
        const session = url === API_ROUTES.logout ? (await loginAs(server.app, 'agent')).token : token;
        for (const headers of [{}, bearer(session)]) {
          const response = await server.app.inject({
            method: 'POST',
            url,
            payload,
            headers: { ...headers, 'content-type': contentType },
          });
          expect({ url, status: response.statusCode < 500 }).toEqual({ url, status: true });
          if (response.statusCode >= 400)
            expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        }
      }
    },
  );

  it('survives forged paged-pull tokens that carry the real epoch (so they reach the queries)', async () => {
    const pull = (body: object) =>
      server.app.inject({
        method: 'POST',
        url: API_ROUTES.pull,
        headers: bearer(token),
        payload: { protocolVersion: 1, clientGroupId: 'forger', ...body },
      });
    const first = (await pull({ cookie: null })).json<{ cookie: string }>();
    const [, epoch] = first.cookie.split(':');
    const forge = (state: object) =>
      Buffer.from(JSON.stringify({ epoch, windowDays: 30, loaded: 0, total: 0, ...state })).toString('base64url');
    for (const resume of [
      forge({
        kind: 'changes',
        since: 0,
        target: 1,
        cutoff: -1e15,
        afterVersion: 0,
        afterEntity: "'; drop table sync_rows; --",
        afterId: '\u0000',
      }),
      forge({
        kind: 'full',
        baseVersion: 1,
        cutoff: 9e15,
        phase: 'roots',
        entityIndex: 99,
        afterEntity: '',
        afterKey: -1,
        afterId: 'zzz',
      }),
      forge({
        kind: 'full',
        baseVersion: 0,
        cutoff: 0,
        phase: 'final',
        entityIndex: 0,
        afterEntity: 'ticket',
        afterKey: null,
        afterId: '',
      }),
    ]) {
      const response = await pull({ cookie: null, resume });
      expect({ status: response.statusCode < 500 }).toEqual({ status: true });
    }
  });

  it.each([
    ['a missing token', {}],
    ['a malformed header', { authorization: 'Basic abc' }],
    ['an unknown token', bearer('z'.repeat(43))],
    ['an injected token', { authorization: "Bearer ' or 1=1 --aaaaaaaaaaaaaaaaaaaa" }],
  ])('refuses %s with 401', async (_label, headers) => {
    const response = await server.app.inject({
      method: 'POST',
      url: API_ROUTES.pull,
      headers,
      payload: { protocolVersion: 1, clientGroupId: 'g', cookie: null },
    });
    expect(response.statusCode).toBe(401);
  });
});
