import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiKeyList, ApiKeySummary, CreatedApiKey } from '#shared/api/api-keys';
import { AuditPage } from '#shared/api/audit';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { apiAs } from '../testing/api-calls.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';

describeEachDatabase('API keys', (kind) => {
  let server: TestServer;
  let admin: ReturnType<typeof apiAs>;
  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  const create = async (body: object) => {
    const response = await admin('POST', API_ROUTES.createApiKey, body);
    expect(response.statusCode).toBe(201);
    return CreatedApiKey.parse(response.json());
  };
  const list = async () => ApiKeyList.parse((await admin('GET', API_ROUTES.listApiKeys)).json()).keys;

  it('creates a key whose secret is shown once, stored only as a hash, and never listed', async () => {
    const { key, secret } = await create({ name: ' Web form ', scopes: ['intake'] });
    expect(secret).toMatch(/^sdk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({
      name: 'Web form',
      scopes: ['intake'],
      prefix: secret.slice(4, 12),
      createdBy: 'usr_admin',
      lastUsedAt: null,
      revokedAt: null,
      ratePerMinute: 120,
    });
    const listed = await admin('GET', API_ROUTES.listApiKeys);
    expect(listed.body).not.toContain(secret);
    expect(ApiKeyList.parse(listed.json()).keys).toContainEqual(key);
    const stored = await server.db.query<{ secret_hash: string }>('select secret_hash from api_keys where id = $1', [
      key.id,
    ]);
    expect(stored[0]?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('lets a key with the audit.read scope read the log, and stops it the moment it is revoked', async () => {
    const { key, secret } = await create({ name: 'SIEM export', scopes: ['audit.read'], ratePerMinute: 30 });
    expect(key.ratePerMinute).toBe(30);
    const siem = apiAs(server.app, secret);
    const before = await siem('GET', `${API_ROUTES.auditLog}?action=apikey.created&limit=5`);
    expect(before.statusCode).toBe(200);
    expect(AuditPage.parse(before.json()).entries[0]).toMatchObject({
      action: 'apikey.created',
      userId: 'usr_admin',
      detail: { apiKeyId: key.id, name: 'SIEM export', scopes: ['audit.read'] },
    });
    // Use is noted (at most once a minute), so admins can tell live keys from forgotten ones.
    expect((await list()).find((k) => k.id === key.id)?.lastUsedAt).toEqual(expect.any(Number));

    const revoked = await admin('POST', routePath(API_ROUTES.revokeApiKey, { id: key.id }));
    expect(revoked.statusCode).toBe(200);
    expect(ApiKeySummary.parse(revoked.json()).revokedAt).toEqual(expect.any(Number));
    expect((await siem('GET', API_ROUTES.auditLog)).statusCode).toBe(401);

    // Revoking again changes nothing and records nothing new.
    expect((await admin('POST', routePath(API_ROUTES.revokeApiKey, { id: key.id }))).json()).toEqual(revoked.json());
    const entries = await server.db.query<{ api_key_id: string | null }>(
      "select detail->>'apiKeyId' as api_key_id from audit_log where action = 'apikey.revoked' and detail->>'apiKeyId' = $1",
      [key.id],
    );
    expect(entries).toHaveLength(1);
  });

  it('refuses a key without the needed scope (403), and keys on routes for people (401)', async () => {
    const { secret } = await create({ name: 'Intake only', scopes: ['intake'] });
    const intake = apiAs(server.app, secret);
    expect((await intake('GET', API_ROUTES.auditLog)).statusCode).toBe(403);
    expect((await intake('GET', API_ROUTES.listApiKeys)).statusCode).toBe(401);
  });

  it('refuses bad requests with reasons, and unknown keys with 404', async () => {
    const noScopes = await admin('POST', API_ROUTES.createApiKey, { name: 'x', scopes: [] });
    expect(noScopes.statusCode).toBe(400);
    expect(noScopes.json<{ message: string }>().message).toMatch(/scope/);
    expect((await admin('POST', API_ROUTES.createApiKey, { name: 'x', scopes: ['admin'] })).statusCode).toBe(400);
    expect((await admin('POST', routePath(API_ROUTES.revokeApiKey, { id: 'key_nothing' }))).statusCode).toBe(404);
  });

  it('keeps key management to admins', async () => {
    for (const role of ['agent', 'analyst', 'lead', 'trainee']) {
      const as = apiAs(server.app, (await loginAs(server.app, role)).token);
      expect((await as('GET', API_ROUTES.listApiKeys)).statusCode).toBe(403);
      expect((await as('POST', API_ROUTES.createApiKey, { name: 'mine', scopes: ['intake'] })).statusCode).toBe(403);
    }
  });
});
