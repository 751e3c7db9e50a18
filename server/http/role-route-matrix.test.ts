import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENDPOINTS, ENDPOINT_NAMES } from '#shared/api/endpoints';
import { routePath } from '#shared/api/routes';
import { can } from '#shared/domain/permissions';
import { ROLES } from '#shared/domain/roles';
import { apiAs } from '../testing/api-calls.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';

/** Path parameters that name nothing, so a permitted call changes nothing (404 or 400), whatever the route. */
const NO_SUCH = { id: 'usr_matrix_nobody' } as const;
const PARAMS_BY_ROUTE: Partial<Record<string, Record<string, string>>> = {
  ticket: { id: 'tkt_matrix_nobody' },
  revokeApiKey: { id: 'key_matrix_nobody' },
};

/** Every route with a permission, derived from the declarations: adding one adds it here. */
const GUARDED = ENDPOINT_NAMES.flatMap((name) => {
  const { access } = ENDPOINTS[name];
  return access.kind === 'session' && access.action !== null ? [{ name, action: access.action }] : [];
});

describeEachDatabase('the role × route matrix', (kind) => {
  let server: TestServer;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    server = await startTestServer(kind);
    for (const role of ROLES) tokens.set(role, (await loginAs(server.app, role)).token);
  });
  afterAll(async () => {
    await server.close();
  });

  it('covers the admin and lead routes', () => {
    expect(GUARDED.map((route) => route.name)).toEqual(
      expect.arrayContaining(['team', 'listUsers', 'createUser', 'updateSettings', 'auditLog', 'revokeApiKey']),
    );
  });

  it.each(GUARDED.flatMap((route) => ROLES.map((role) => ({ ...route, role }))))(
    '$name as $role: allowed exactly when the table says $action',
    async ({ name, role, action }) => {
      const endpoint = ENDPOINTS[name];
      const url = routePath(endpoint.path, PARAMS_BY_ROUTE[name] ?? NO_SUCH);
      const response = await apiAs(server.app, tokens.get(role) ?? '')(endpoint.method, url);
      if (can(role, action)) {
        expect([200, 400, 404]).toContain(response.statusCode);
      } else {
        expect(response.statusCode).toBe(403);
        expect(response.json<{ message: string }>().message).toMatch(new RegExp(`^A ${role} cannot`));
      }
    },
  );
});
