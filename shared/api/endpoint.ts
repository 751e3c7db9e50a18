import type { z } from 'zod';
import type { Action } from '../domain/permissions.ts';
import type { ApiKeyScope } from './api-keys.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * How hard a route is rate-limited. The server maps each class to limits
 * (server/http/rate-limits.ts); declarations only say which class they are in.
 */
export const RATE_LIMIT_CLASSES = ['login', 'session', 'sync', 'intake', 'admin', 'open'] as const;
export type RateLimitClass = (typeof RATE_LIMIT_CLASSES)[number];

/**
 * Who may call a route:
 * - `public`: anyone (health, sign-in);
 * - `session`: a signed-in person whose role may do `action` in the role × action
 *   table (`null`: any signed-in role); `apiKeyScope` also admits API keys with that scope;
 * - `apiKey`: integrations only, with a key holding `scope`.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'session'; action: Action | null; apiKeyScope?: ApiKeyScope }
  | { kind: 'apiKey'; scope: ApiKeyScope };

/**
 * Answers that are not one JSON document of the declared schema: the live
 * socket, Prometheus text, the OpenAPI document itself. They are declared (so
 * the matrix and the document know them) but their module answers them.
 */
export type Transport = 'json' | 'websocket' | 'text';

/**
 * One HTTP route, declared once. The server registers it from this (parsing,
 * authorization, rate limit, body limit), the renderer's client calls through it
 * with types derived from it, and the OpenAPI document and the role × route
 * matrix test are generated from the same list.
 */
export interface Endpoint<
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType | undefined = z.ZodType | undefined,
  Decoded = Response extends z.ZodType ? z.output<Response> : void,
> {
  method: HttpMethod;
  /** Fastify-style pattern: `/api/v1/admin/users/:id`. */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  access: Access;
  rateLimit: RateLimitClass;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Bytes; routes without a body get a small limit, the server default (2 MB) otherwise. */
  bodyLimit?: number;
  /** Success status; 204 answers have no response schema. */
  status?: 200 | 201 | 204;
  response?: Response;
  /**
   * A faster or richer decoder than `response.parse` for the client (pull pages
   * are parsed row by row so one damaged row is set aside, not fatal).
   */
  decode?: (raw: unknown) => Decoded;
  transport?: Transport;
  /** Request headers the route reads, with their schema (e.g. `idempotency-key`). */
  headers?: z.ZodType;
}

/** Keeps every literal type of a declaration (access, transport, schemas) for the derived client and server types. */
export function defineEndpoint<
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Response extends z.ZodType | undefined = undefined,
  Decoded = Response extends z.ZodType ? z.output<Response> : void,
  A extends Access = Access,
  T extends Transport = 'json',
>(
  endpoint: Endpoint<Params, Query, Body, Response, Decoded> & { access: A; transport?: T },
): Endpoint<Params, Query, Body, Response, Decoded> & { access: A; transport?: T } {
  return endpoint;
}

/** The schema in an optional slot of a declaration, or never when the slot is empty. */
type Slot<S> = NonNullable<S>;
type Out<S> = [Slot<S>] extends [never] ? undefined : Slot<S> extends z.ZodType ? z.output<Slot<S>> : undefined;
type In<S> = [Slot<S>] extends [never] ? undefined : Slot<S> extends z.ZodType ? z.input<Slot<S>> : undefined;
type Has<S> = [Slot<S>] extends [never] ? false : true;

/** What a client passes: path params, query and body as their schemas accept them. */
export type EndpointInput<E extends Endpoint> = (Has<E['params']> extends true
  ? { params: In<E['params']> }
  : { params?: undefined }) &
  (Has<E['query']> extends true ? { query?: In<E['query']> } : { query?: undefined }) &
  (Has<E['body']> extends true ? { body: In<E['body']> } : { body?: undefined });

/** What a client gets back, decoded. */
export type EndpointResult<E extends Endpoint> =
  Has<E['decode']> extends true
    ? ReturnType<Slot<E['decode']>>
    : Has<E['response']> extends true
      ? Out<E['response']>
      : void;

/** What a server handler receives after parsing. */
export interface ParsedRequest<E extends Endpoint> {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
}

/** What a server handler returns: the response as its schema accepts it. */
export type EndpointReply<E extends Endpoint> = Has<E['response']> extends true ? In<E['response']> : void;

/** Fills a route pattern's `:params`: `routePath('/api/v1/tickets/:id', { id })`. */
export function routePath(pattern: string, params: Record<string, string | number>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`routePath: missing ${name} for ${pattern}`);
    return encodeURIComponent(String(value));
  });
}
