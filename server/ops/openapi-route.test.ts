import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENDPOINTS, ENDPOINT_NAMES } from '#shared/api/endpoints';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, startTestServer } from '../testing/test-server.ts';

interface Operation {
  operationId: string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string }[];
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
  responses: Record<string, unknown>;
}

describeEachDatabase('the OpenAPI document', (kind) => {
  let server: TestServer;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 1 });
    const response = await server.app.inject({ method: 'GET', url: ENDPOINTS.openapi.path });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const document = response.json<{ openapi: string; paths: typeof paths }>();
    expect(document.openapi).toBe('3.1.0');
    paths = document.paths;
  });
  afterAll(async () => {
    await server.close();
  });

  it('documents every declared route, with its path parameters in OpenAPI form', () => {
    for (const name of ENDPOINT_NAMES) {
      const endpoint = ENDPOINTS[name];
      const path = endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = paths[path]?.[endpoint.method.toLowerCase()];
      expect(operation?.operationId, name).toBe(name);
      for (const [, param] of endpoint.path.matchAll(/:([A-Za-z]+)/g)) {
        expect(operation?.parameters).toContainEqual(expect.objectContaining({ name: param, in: 'path' }));
      }
    }
  });

  it('carries request schemas, the Idempotency-Key header and who may call', () => {
    const intake = paths['/api/v1/intake/tickets']?.post;
    expect(Object.keys(intake?.requestBody?.content['application/json'].schema.properties ?? {})).toEqual(
      expect.arrayContaining(['subject', 'body', 'requester']),
    );
    expect(intake?.parameters).toContainEqual(expect.objectContaining({ name: 'idempotency-key', in: 'header' }));
    expect(intake?.security).toEqual([{ apiKey: ['intake'] }]);
    expect(paths['/api/v1/admin/users']?.get?.security).toEqual([{ session: ['users.manage'] }]);
    expect(paths['/api/v1/health']?.get?.security).toEqual([]);
    expect(Object.keys(paths['/api/v1/admin/users']?.post?.responses ?? {})).toContain('201');
  });
});
