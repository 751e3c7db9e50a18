import { z } from 'zod';
import type { Endpoint } from './endpoint.ts';
import { ENDPOINTS } from './endpoints.ts';
import { ApiErrorBody } from './errors.ts';

type JsonObject = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  // Refinements and transforms have no JSON Schema form; they are documented as their base shape.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  return rest;
}

/** `/api/v1/users/:id` → `/api/v1/users/{id}` */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

function parameters(endpoint: Endpoint): JsonObject[] {
  const out: JsonObject[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query' | 'header') => {
    if (!schema) return;
    const json = schemaOf(schema, 'input');
    const properties = (json.properties ?? {}) as Record<string, JsonObject>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: property });
    }
  };
  add(endpoint.params, 'path');
  add(endpoint.query, 'query');
  add(endpoint.headers, 'header');
  return out;
}

function security(endpoint: Endpoint): JsonObject[] {
  const { access } = endpoint;
  if (access.kind === 'public') return [];
  if (access.kind === 'apiKey') return [{ apiKey: [access.scope] }];
  const session = { session: access.action ? [access.action] : [] };
  return access.apiKeyScope ? [session, { apiKey: [access.apiKeyScope] }] : [session];
}

function successResponse(endpoint: Endpoint): JsonObject {
  const status = endpoint.status ?? 200;
  if (endpoint.transport === 'websocket') return { '101': { description: 'Switching to the WebSocket protocol.' } };
  if (endpoint.transport === 'text') return { [status]: { description: 'OK', content: { 'text/plain': {} } } };
  if (!endpoint.response) return { [status]: { description: 'Done; no content.' } };
  return {
    [status]: {
      description: 'OK',
      content: { 'application/json': { schema: schemaOf(endpoint.response, 'output') } },
    },
  };
}

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

/**
 * The OpenAPI 3.1 document of the team backend, generated from the route
 * declarations: it cannot drift from what the server registers.
 */
export function buildOpenApiDocument(version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const [name, endpoint] of Object.entries(ENDPOINTS) as [string, Endpoint][]) {
    const path = openApiPath(endpoint.path);
    const access = endpoint.access;
    const who =
      access.kind === 'public'
        ? 'Public.'
        : access.kind === 'apiKey'
          ? `API key with the "${access.scope}" scope.`
          : access.action
            ? `Signed-in roles allowed to "${access.action}"${access.apiKeyScope ? `, or an API key with the "${access.apiKeyScope}" scope` : ''}.`
            : 'Any signed-in role.';
    paths[path] = {
      ...paths[path],
      [endpoint.method.toLowerCase()]: {
        operationId: name,
        summary: endpoint.summary,
        description: `${who} Rate-limit class: ${endpoint.rateLimit}.`,
        security: security(endpoint),
        parameters: parameters(endpoint),
        ...(endpoint.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: schemaOf(endpoint.body, 'input') } },
              },
            }
          : {}),
        responses: {
          ...successResponse(endpoint),
          '400': { description: 'The request is invalid; `message` says why.', content: ERROR_CONTENT },
          '401': { description: 'Not signed in, or the key is unknown.', content: ERROR_CONTENT },
          '403': { description: 'The role or key may not do this.', content: ERROR_CONTENT },
          '429': { description: 'Too many requests; see Retry-After.', content: ERROR_CONTENT },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shiftdesk team backend',
      version,
      description: 'Every non-2xx answer is JSON: `{ "error": code, "message": text for people }`.',
    },
    paths,
    components: {
      schemas: { Error: schemaOf(ApiErrorBody, 'output') },
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'A session token from POST /api/v1/auth/login.' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (`sdk_…`) created by an admin.' },
      },
    },
  };
}
