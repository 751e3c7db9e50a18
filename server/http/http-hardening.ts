import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { installCors } from './cors.ts';
import { installLoadShedding } from './load-shedding.ts';
import { installNoStore } from './no-store.ts';
import { installRateLimits } from './rate-limits.ts';
import { installSecurityHeaders } from './security-headers.ts';

/**
 * Everything that protects the HTTP surface as a whole. Call before any route
 * is registered: rate limits attach to routes as they are added.
 */
export async function installHttpHardening(app: FastifyInstance, config: ServerConfig): Promise<void> {
  // First, so an overloaded server does as little as possible for a request it turns away.
  await installLoadShedding(app, config.shedLoad);
  await installSecurityHeaders(app);
  await installCors(app, config.allowedOrigins);
  await installRateLimits(app);
  installNoStore(app);
}
