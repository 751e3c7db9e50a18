import type { FastifyInstance } from 'fastify';
import { ENDPOINTS, type EndpointName, type Endpoints } from '#shared/api/endpoints';
import type { AppDeps } from '../app-deps.ts';
import { type Handler, registerEndpoint } from './register-endpoint.ts';

/** The WebSocket route is registered by its own module (it needs the upgrade); the others by `registerEndpoints`. */
export const SELF_REGISTERED = 'self-registered' as const;

/**
 * One handler per declared route. A route declared in shared/api/endpoints.ts
 * without a handler here fails the typecheck.
 */
export type Handlers = {
  [K in EndpointName]: NonNullable<Endpoints[K]['transport']> extends 'websocket'
    ? typeof SELF_REGISTERED
    : Handler<Endpoints[K]>;
};

export function registerEndpoints(app: FastifyInstance, deps: AppDeps, handlers: Handlers): void {
  for (const name of Object.keys(ENDPOINTS) as EndpointName[]) {
    const handler = handlers[name];
    if (handler === SELF_REGISTERED) continue;
    registerEndpoint(app, deps, name, ENDPOINTS[name], handler as Handler<Endpoints[typeof name]>);
  }
}
