import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { HttpError } from '../http/errors.ts';
import type { Handlers } from '../http/handlers.ts';
import { isLoopback } from '../http/loopback.ts';
import type { AppMetrics } from './metrics.ts';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read `/metrics`: with a token, whoever sends it as a bearer token;
 * without one, only this machine (a scraper beside the server, or an SSH tunnel).
 */
function checkAccess(request: FastifyRequest, token: string | undefined): void {
  if (token !== undefined) {
    const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (given === undefined || !sameSecret(given, token)) {
      throw new HttpError(401, 'unauthenticated', 'Metrics need the bearer token set in SHIFTDESK_METRICS_TOKEN.', {
        'www-authenticate': 'Bearer',
      });
    }
  } else if (!isLoopback(request.ip)) {
    throw new HttpError(
      403,
      'forbidden',
      'Metrics are only served to this machine unless SHIFTDESK_METRICS_TOKEN is set.',
    );
  }
}

/** Counts every answer, when SHIFTDESK_METRICS is not `off`. */
export function installMetrics(app: FastifyInstance, metrics: AppMetrics | null): void {
  if (!metrics) return;
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = KNOWN_METHODS.has(request.method) ? request.method : 'OTHER';
    metrics.recordRequest(route, method, reply.statusCode, reply.elapsedTime / 1000);
  });
}

/** Serves `/metrics`; while metrics are off it answers like an unknown path. */
export function metricsHandlers(metrics: AppMetrics | null, config: ServerConfig): Pick<Handlers, 'metrics'> {
  return {
    metrics: async ({ request, reply }) => {
      if (!metrics) {
        throw new HttpError(404, 'not_found', 'Metrics are off on this server (SHIFTDESK_METRICS=off).');
      }
      checkAccess(request, config.metrics.token);
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  };
}
