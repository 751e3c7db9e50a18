import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access, Endpoint } from '#shared/api/endpoint';
import { routePath } from '#shared/api/endpoint';
import { ENDPOINTS, type EndpointName } from '#shared/api/endpoints';
import { ApiErrorBody } from '#shared/api/errors';
import { ACTION_NAMES, can } from '#shared/domain/permissions';
import { ROLES, type Role } from '#shared/domain/roles';
import { MUTATION_NAMES, mutations } from '#shared/sync/mutators/registry';
import { SeededRandom } from '#shared/util/seeded-random';
import { DEMO_WORKSPACE } from '../seed/demo-content.ts';
import { insertTestApiKey } from '../testing/test-api-keys.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { syncClient } from '../testing/sync-client.ts';
import { type TestServer, bearer, loginAs, startTestServer } from '../testing/test-server.ts';

/** Who calls: a role's session, an API key with or without the route's scope, or nobody. */
type Caller = { kind: 'role'; role: Role } | { kind: 'key'; scoped: boolean } | { kind: 'anonymous' };

/** What the one declarative table says this caller gets: let through, or refused with 401 / 403. */
function expectedOutcome(access: Access, caller: Caller): 'allowed' | 401 | 403 {
  if (access.kind === 'public') return 'allowed';
  if (caller.kind === 'anonymous') return 401;
  if (caller.kind === 'key') {
    const acceptsKeys = access.kind === 'apiKey' || access.apiKeyScope !== undefined;
    if (!acceptsKeys) return 401;
    return caller.scoped ? 'allowed' : 403;
  }
  if (access.kind === 'apiKey') return 401;
  return access.action === null || can(caller.role, access.action) ? 'allowed' : 403;
}

function callerName(caller: Caller): string {
  if (caller.kind === 'role') return caller.role;
  return caller.kind === 'key' ? `API key ${caller.scoped ? 'with' : 'without'} the scope` : 'nobody';
}

/**
 * Path parameters that name nothing (a refused caller must get 403 whatever it
 * names; an allowed one gets 404 or 400), so the allowed calls change no data.
 */
const SAMPLE_PARAMS: Record<string, string | number> = { id: 'nothing_here', number: 999_999 };

const SELF_ANSWERING: ReadonlySet<EndpointName> = new Set(['socket']);

describeEachDatabase('the role × route and role × mutation matrix', (kind) => {
  let server: TestServer;
  const tokens = new Map<Role, string>();
  let checked = 0;

  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 12 });
    for (const role of ROLES) tokens.set(role, (await loginAs(server.app, role)).token);
  });
  afterAll(async () => {
    console.log(`[${kind}] role × route and role × mutation matrix: ${checked} pairs checked`);
    await server.close();
  });

  it('registers exactly the declared routes, no more and no fewer', () => {
    // Not API routes: the web app's static files ("/" or its wildcard) and CORS preflight answers.
    const registered = server.routes
      .filter((route) => route.url !== '/' && route.url !== '/*' && !(route.method === 'OPTIONS' && route.url === '*'))
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    const declared = Object.values(ENDPOINTS)
      .map((endpoint) => `${endpoint.method} ${endpoint.path}`)
      .sort();
    expect(registered).toEqual(declared);
  });

  it('every action in the table guards at least one route or mutation', () => {
    const used = new Set<string>();
    for (const endpoint of Object.values(ENDPOINTS) as Endpoint[]) {
      if (endpoint.access.kind === 'session' && endpoint.access.action) used.add(endpoint.access.action);
    }
    for (const name of MUTATION_NAMES) {
      const def: { permission: string; alsoChecks?: readonly string[] } = mutations[name];
      for (const action of [def.permission, ...(def.alsoChecks ?? [])]) used.add(action);
    }
    expect(ACTION_NAMES.filter((action) => !used.has(action))).toEqual([]);
  });

  const routeNames = (Object.keys(ENDPOINTS) as EndpointName[]).filter((name) => !SELF_ANSWERING.has(name));

  it.each(routeNames)('%s: every role, key and anonymous caller gets what the table says', async (name) => {
    const endpoint = ENDPOINTS[name] as Endpoint;
    const scope =
      endpoint.access.kind === 'apiKey'
        ? endpoint.access.scope
        : endpoint.access.kind === 'session'
          ? endpoint.access.apiKeyScope
          : undefined;
    const scopedKey = scope ? await insertTestApiKey(server.db, DEMO_WORKSPACE.id, [scope]) : null;
    const otherKey = await insertTestApiKey(
      server.db,
      DEMO_WORKSPACE.id,
      scope === 'intake' ? ['audit.read'] : ['intake'],
    );
    const url = routePath(endpoint.path, SAMPLE_PARAMS);
    const callers: Caller[] = [
      ...ROLES.map((role): Caller => ({ kind: 'role', role })),
      { kind: 'key', scoped: true },
      { kind: 'key', scoped: false },
      { kind: 'anonymous' },
    ];
    for (const [index, caller] of callers.entries()) {
      let token: string | null = null;
      if (caller.kind === 'role') {
        // Signing out ends the session it is called with: use a session of its own.
        token = name === 'logout' ? (await loginAs(server.app, caller.role)).token : (tokens.get(caller.role) ?? null);
      } else if (caller.kind === 'key') {
        token = caller.scoped ? (scopedKey?.secret ?? otherKey.secret) : otherKey.secret;
      }
      if (caller.kind === 'key' && caller.scoped && !scopedKey) continue; // The route takes no keys at all.
      const response: LightMyRequestResponse = await server.app.inject({
        method: endpoint.method,
        url,
        headers: token ? bearer(token) : {},
        // Distinct addresses keep per-address rate limits out of the picture.
        remoteAddress: `10.77.${index}.1`,
        ...(endpoint.method === 'GET' ? {} : { payload: {} }),
      });
      const expected = expectedOutcome(endpoint.access, caller);
      const who = `${name} as ${callerName(caller)}`;
      if (expected === 'allowed') {
        expect([401, 403], `${who}: ${response.statusCode} ${response.body}`).not.toContain(response.statusCode);
      } else {
        expect(response.statusCode, `${who}: ${response.body}`).toBe(expected);
        expect(ApiErrorBody.safeParse(response.json()).success, who).toBe(true);
      }
      expect(response.statusCode, `${who}: ${response.body}`).toBeLessThan(500);
      checked++;
    }
  });

  describe('mutations', () => {
    it.each(MUTATION_NAMES)('%s: refused for exactly the roles the table refuses', async (name) => {
      const def = mutations[name];
      const ticketIds = (
        await server.db.query<{ id: string }>("select id from sync_rows where entity = 'ticket' order by id")
      ).map((row) => row.id);
      const world = {
        ticketIds,
        memberIds: ['usr_agent', 'usr_lead', 'usr_analyst'],
        tags: ['login', 'billing'],
        savedViewIds: [],
        macroIds: [],
        messageIds: [],
        problemIds: [],
        escalationIds: [],
        shiftIds: [],
        handoverIds: [],
        now: Date.now(),
      };
      for (const role of ROLES) {
        const client = syncClient(server.app, tokens.get(role) ?? '', {
          clientGroupId: `matrix-${name}-${role}`,
          clientId: `matrix-${name}-${role}-c`,
        });
        const args = def.sample(new SeededRandom(7), world);
        const { status, body } = await client.push([client.mutation(name, args)]);
        expect(status).toBe(200);
        const forbidden = body.rejections.some((rejection) => rejection.code === 'forbidden');
        const why = `${name} as ${role}: ${JSON.stringify(body.rejections)}`;
        // A role with the mutation's permission may still be refused by a check the mutator makes for some
        // records (alsoChecks: a team macro needs macros.manageShared), which its sampled arguments may hit.
        const lacksFurtherCheck = (def.alsoChecks ?? []).some((action) => !can(role, action));
        if (!can(role, def.permission)) expect(forbidden, why).toBe(true);
        else if (!lacksFurtherCheck) expect(forbidden, why).toBe(false);
        checked++;
      }
    });
  });
});
