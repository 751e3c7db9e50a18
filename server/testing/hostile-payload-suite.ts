import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Endpoint } from '#shared/api/endpoint';
import { routePath } from '#shared/api/endpoint';
import { ENDPOINTS, type EndpointName } from '#shared/api/endpoints';
import { ApiErrorBody } from '#shared/api/errors';
import { can } from '#shared/domain/permissions';
import { ROLES } from '#shared/domain/roles';
import type { Sql } from '../db/database.ts';
import { DEMO_WORKSPACE } from '../seed/demo-content.ts';
import { fieldNames, hostileBody, hostileUrlPart } from './hostile-payloads.ts';
import { insertTestApiKey } from './test-api-keys.ts';
import { describeEachDatabase } from './test-databases.ts';
import { type TestServer, bearer, loginAs, startTestServer } from './test-server.ts';

/**
 * 500 per route on the embedded database (the default a team runs first);
 * Postgres gets the same generator for 150 runs, enough to walk every refusal
 * path against the production database without doubling the suite's longest file.
 * HOSTILE_RUNS overrides both, for a longer soak.
 */
const RUNS_PER_ENDPOINT = { pglite: 500, postgres: 150 } as const;
function runsFor(kind: keyof typeof RUNS_PER_ENDPOINT): number {
  return Number(process.env.HOSTILE_RUNS ?? RUNS_PER_ENDPOINT[kind]);
}
/** Fixed, so a failure replays; fast-check prints the seed and path of any counterexample. */
const SEED = 20_261_130;

/**
 * Everything a request could change, in one hash. Two things are left out on
 * purpose: failed sign-ins are audited (that is the point of the audit log) and
 * sessions/keys note when they were last used.
 */
async function fingerprint(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ hash: string }>(`
    select md5(concat_ws('|',
      (select string_agg(concat_ws(',', entity, id, data::text, version, deleted), ';' order by entity, id) from sync_rows),
      (select string_agg(concat_ws(',', id, name, version, epoch), ';' order by id) from workspaces),
      (select string_agg(to_jsonb(w)::text, ';' order by w.id) from workspaces w),
      (select string_agg(to_jsonb(u)::text, ';' order by u.id) from users u),
      (select string_agg(concat_ws(',', id, name, scopes::text, revoked_at), ';' order by id) from api_keys),
      (select count(*) from sessions),
      (select count(*) from audit_log where action <> 'login.failed'),
      (select count(*) from idempotency_keys),
      (select count(*) from ticket_numbers),
      (select count(*) from clients),
      (select count(*) from mutation_rejections)
    )) as hash`);
  return row?.hash ?? '';
}

const SKIPPED: ReadonlySet<EndpointName> = new Set(['socket']); // Not HTTP past the upgrade; server/live tests it.

/**
 * The suite runs in two files, each taking every other route: the file is the
 * unit a test worker runs, and one file of ~20 routes × 650 requests would be
 * the last to finish on a 2-core machine while the other core sat idle.
 */
export function describeHostilePayloads(half: 0 | 1): void {
  describeEachDatabase(`hostile payloads, generated (fast-check), routes ${half === 0 ? 'A' : 'B'}`, (kind) => {
    let server: TestServer;
    let adminToken = '';
    const tokenFor = new Map<string, string>();
    let sent = 0;

    beforeAll(async () => {
      server = await startTestServer(kind, { tickets: 10 });
      for (const role of ROLES) tokenFor.set(role, (await loginAs(server.app, role)).token);
      adminToken = tokenFor.get('admin') ?? '';
      const key = await insertTestApiKey(server.db, DEMO_WORKSPACE.id, ['intake', 'audit.read']);
      tokenFor.set('key', key.secret);
    }, 60_000);
    afterAll(async () => {
      console.log(`[${kind}] hostile payloads: ${sent} requests, none answered 5xx or outside the JSON error shape`);
      await server.close();
    });

    /** A credential the route accepts, so payloads reach validation instead of stopping at 401/403. */
    async function credentialFor(name: EndpointName, endpoint: Endpoint): Promise<string | null> {
      const { access } = endpoint;
      if (access.kind === 'public') return null;
      if (access.kind === 'apiKey') return tokenFor.get('key') ?? null;
      // Signing out would end the session the next run needs: a fresh one each time.
      if (name === 'logout') return (await loginAs(server.app, 'agent')).token;
      const role = ROLES.find((candidate) => access.action === null || can(candidate, access.action));
      return role ? (tokenFor.get(role) ?? adminToken) : adminToken;
    }

    const names = (Object.keys(ENDPOINTS) as EndpointName[])
      .filter((name) => !SKIPPED.has(name))
      .filter((_name, index) => index % 2 === half);

    it.each(names)(
      `%s: ${runsFor(kind)} generated hostile requests, never a 5xx, always JSON errors, nothing stored when refused`,
      async (name) => {
        const endpoint = ENDPOINTS[name] as Endpoint;
        const paramNames = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '');
        const request = fc.record({
          body: hostileBody(fieldNames(endpoint.body)),
          params: fc.tuple(...paramNames.map(() => hostileUrlPart)),
          query: fc.array(fc.tuple(fc.constantFrom(...fieldNames(endpoint.query), 'x', '__proto__'), hostileUrlPart), {
            maxLength: 4,
          }),
        });
        let before = await fingerprint(server.db);
        await fc.assert(
          fc.asyncProperty(request, async ({ body, params, query }) => {
            const token = await credentialFor(name, endpoint);
            // Signing out needs a fresh session, whose creation is not the request under test.
            if (name === 'logout') before = await fingerprint(server.db);
            const path = routePath(
              endpoint.path,
              Object.fromEntries(paramNames.map((param, index) => [param, decodeURIComponent(params[index] ?? 'x')])),
            );
            const search = query.map(([key, value]) => `${encodeURIComponent(key)}=${value}`).join('&');
            const response = await server.app.inject({
              method: endpoint.method,
              url: search ? `${path}?${search}` : path,
              headers: {
                ...(token ? bearer(token) : {}),
                ...(endpoint.method !== 'GET' && body.contentType ? { 'content-type': body.contentType ?? '' } : {}),
              },
              // Fresh addresses: per-address rate limits are tested elsewhere, here they would hide validation.
              remoteAddress: `10.${sent % 250}.${Math.floor(sent / 250) % 250}.9`,
              ...(endpoint.method === 'GET' ? {} : { payload: body.payload }),
            });
            sent++;
            const context = `${name} with ${body.what}: ${response.statusCode} ${response.body.slice(0, 300)}`;
            expect(response.statusCode, context).toBeLessThan(500);
            const after = await fingerprint(server.db);
            if (response.statusCode >= 400) {
              expect(ApiErrorBody.safeParse(response.json()).success, context).toBe(true);
              expect(after, `${context}: a refused request changed the database`).toBe(before);
            }
            before = after;
          }),
          {
            numRuns: runsFor(kind),
            seed: SEED,
            endOnFailure: true,
            // Counterexamples can be megabytes of brackets: report the start of it, and the seed to replay it.
            reporter: (details) => {
              if (details.failed) throw new Error((fc.defaultReportMessage(details) ?? 'failed').slice(0, 3_000));
            },
          },
        );
      },
      180_000,
    );
  });
}
