import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { OWASP_SCRYPT, type ScryptParams } from './auth/passwords.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { installCors } from './http/cors.ts';
import { installErrorHandler } from './http/errors.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { registerEndpoints } from './http/handlers.ts';
import { routeHandlers } from './http/route-handlers.ts';
import { LiveHub } from './live/live-hub.ts';
import { registerSocketRoute } from './live/socket-route.ts';
import { announceAssignment } from './sync/assignment-notices.ts';
import { SERVER_ONLY_PARTS } from './sync/server-mutations.ts';
import { APP_VERSION } from './version.ts';
import { registerWebAppRoutes } from './web/web-app-routes.ts';

export interface BuildOptions {
  /** Tests pass cheaper scrypt parameters; the product always hashes with OWASP's. */
  passwordParams?: ScryptParams;
}

export interface BuiltApp {
  app: FastifyInstance;
  deps: AppDeps;
}

/** Assembles the team backend around an open, migrated database. */
export async function buildApp(config: ServerConfig, db: Database, options: BuildOptions = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: { level: config.logLevel },
    // One line per request drowns the console at info; debug and trace keep them.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(config.logLevel) }),
    // Push batches are bounded by count; this bounds them by size too.
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
  });
  const liveHub = new LiveHub(db, (error, what) => app.log.warn({ err: error }, `live channel: failed ${what}`));
  await liveHub.start();
  const deps: AppDeps = {
    db,
    config,
    liveHub,
    mutationHooks: { serverOnly: SERVER_ONLY_PARTS, afterCommit: announceAssignment(db, liveHub) },
    loginThrottles: { perAccount: new LoginThrottle(10), perAddress: new LoginThrottle(50) },
    version: APP_VERSION,
    passwordParams: options.passwordParams ?? OWASP_SCRYPT,
  };

  installErrorHandler(app);
  installSecurityHeaders(app);
  installCors(app, config.allowedOrigins);
  await app.register(fastifyWebsocket, { options: { maxPayload: 4_096 } });

  app.decorateRequest('principal', null);
  registerEndpoints(app, deps, routeHandlers(deps));
  registerSocketRoute(app, deps);
  await registerWebAppRoutes(app, config.webDir);

  app.addHook('onClose', async () => {
    await liveHub.stop();
  });
  return { app, deps };
}
