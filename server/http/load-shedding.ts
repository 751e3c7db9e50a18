import fastifyUnderPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_ROUTES } from '#shared/api/routes';
import { HttpError } from './errors.ts';

/** An event loop this late cannot answer anyone in time; new requests are better told to come back. */
export const MAX_EVENT_LOOP_DELAY_MS = 1_000;
/**
 * The delay is the mean over this window. A long one lets a single slow
 * synchronous step (embedded PGlite runs queries on the event loop) pass
 * without turning traffic away; only sustained lag sheds.
 */
const SAMPLE_INTERVAL_MS = 5_000;
const RETRY_AFTER_SECONDS = 5;

/**
 * Liveness and metrics are always answered: a load balancer that saw the
 * liveness check fail would restart a server that is only busy, and operators
 * need metrics most when it is. Readiness does fail, so traffic moves elsewhere.
 */
const NEVER_SHED = new Set<string>([API_ROUTES.health, API_ROUTES.metrics]);

/**
 * under-pressure's `pressureHandler`: returning lets the request through;
 * throwing hands a 503 in the API's error shape to the error handler.
 */
export function shedLoad(request: FastifyRequest): void {
  if (NEVER_SHED.has(request.routeOptions.url ?? '')) return;
  throw new HttpError(503, 'overloaded', `The server is overloaded; try again in ${RETRY_AFTER_SECONDS} s.`, {
    'retry-after': String(RETRY_AFTER_SECONDS),
  });
}

export async function installLoadShedding(app: FastifyInstance, enabled: boolean): Promise<void> {
  if (!enabled) return;
  await app.register(fastifyUnderPressure, {
    maxEventLoopDelay: MAX_EVENT_LOOP_DELAY_MS,
    sampleInterval: SAMPLE_INTERVAL_MS,
    pressureHandler: shedLoad,
  });
}
