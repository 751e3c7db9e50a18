import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access, Endpoint, EndpointReply, ParsedRequest } from '#shared/api/endpoint';
import { can, refusalMessage } from '#shared/domain/permissions';
import type { AppDeps } from '../app-deps.ts';
import { findApiKey, isApiKeySecret } from '../auth/api-key-secrets.ts';
import { bearerToken } from '../auth/require-user.ts';
import { findSessionUser } from '../auth/sessions.ts';
import { HttpError, parseOrThrow } from './errors.ts';
import type { Principal, PrincipalFor } from './principal.ts';

/** A JSON body already serialized (pull pages are assembled from stored JSON without re-parsing it). */
export class PreSerialized {
  constructor(readonly json: string) {}
}

export type HandlerContext<E extends Endpoint> = ParsedRequest<E> & {
  principal: PrincipalFor<E['access']>;
  headers: E['headers'] extends z.ZodType ? z.output<E['headers']> : undefined;
  request: FastifyRequest;
  reply: FastifyReply;
};

/** JSON routes return their response; text routes send it themselves on `reply`. */
export type Handler<E extends Endpoint> = (
  context: HandlerContext<E>,
) => Promise<NonNullable<E['transport']> extends 'text' ? FastifyReply : EndpointReply<E> | PreSerialized>;

/** Routes without a declared body still get a small limit, so nobody can stream megabytes at them. */
const NO_BODY_LIMIT = 4 * 1024;

const UNAUTHENTICATED = 'Your session has ended. Sign in again to keep syncing.';

async function authenticate(deps: AppDeps, request: FastifyRequest, access: Access): Promise<Principal | null> {
  if (access.kind === 'public') return null;
  const token = bearerToken(request);
  const acceptsKeys = access.kind === 'apiKey' || access.apiKeyScope !== undefined;
  if (token && isApiKeySecret(token)) {
    const key = acceptsKeys ? await findApiKey(deps.db, token) : null;
    if (!key) {
      throw new HttpError(
        401,
        'unauthenticated',
        acceptsKeys ? 'That API key is unknown or revoked.' : 'This route needs a signed-in person, not an API key.',
      );
    }
    const scope = access.kind === 'apiKey' ? access.scope : access.apiKeyScope;
    if (!scope || !key.scopes.includes(scope)) {
      throw new HttpError(403, 'forbidden', `This API key does not have the "${scope ?? 'none'}" scope.`);
    }
    return key;
  }
  if (access.kind === 'apiKey') {
    throw new HttpError(401, 'unauthenticated', 'Send an API key: "Authorization: Bearer sdk_…".');
  }
  const user = token
    ? await findSessionUser(deps.db, token, { idleMs: deps.config.sessionIdleMs }, { ip: request.ip })
    : null;
  if (!user || !token) throw new HttpError(401, 'unauthenticated', UNAUTHENTICATED);
  if (access.action && !can(user.role, access.action)) {
    throw new HttpError(403, 'forbidden', refusalMessage(user.role, access.action));
  }
  return { kind: 'user', user, token };
}

/**
 * Registers one declared route: the access check runs before the body is read
 * (so a refused caller cannot make the server parse megabytes), then params,
 * query, headers and body are validated by their schemas, and the handler's
 * answer is sent with the declared status.
 */
export function registerEndpoint<E extends Endpoint>(
  app: FastifyInstance,
  deps: AppDeps,
  name: string,
  endpoint: E,
  handler: Handler<E>,
): void {
  const status = endpoint.status ?? 200;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    bodyLimit: endpoint.bodyLimit ?? (endpoint.body ? undefined : NO_BODY_LIMIT),
    config: { endpointName: name, rateLimitClass: endpoint.rateLimit },
    onRequest: async (request) => {
      request.principal = await authenticate(deps, request, endpoint.access);
    },
    handler: async (request, reply) => {
      const parsed = {
        params: endpoint.params ? parseOrThrow(endpoint.params, request.params, 'The path') : undefined,
        query: endpoint.query ? parseOrThrow(endpoint.query, request.query, 'The query string') : undefined,
        body: endpoint.body ? parseOrThrow(endpoint.body, request.body ?? {}, 'The request body') : undefined,
        headers: endpoint.headers ? parseOrThrow(endpoint.headers, request.headers, 'A request header') : undefined,
      };
      const context = { ...parsed, principal: request.principal, request, reply } as HandlerContext<E>;
      const result: unknown = await handler(context);
      if (endpoint.transport === 'text' || reply.sent) return reply;
      // A handler may answer with another status (health: 503 when the database is gone).
      if (reply.statusCode === 200) reply.status(status);
      if (result instanceof PreSerialized) return reply.type('application/json; charset=utf-8').send(result.json);
      if (reply.statusCode === 204) return reply.send();
      return reply.send(result);
    },
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's name in shared/api/endpoints.ts (metrics, logs, the matrix test). */
    endpointName?: string;
    rateLimitClass?: Endpoint['rateLimit'];
  }
}
