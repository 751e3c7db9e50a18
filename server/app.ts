import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { registerHealthRoute } from './health-route.ts';
import { installErrorHandler } from './http/errors.ts';
import { installHttpHardening } from './http/http-hardening.ts';
import { type LogStream, serverOptions } from './http/server-options.ts';
import { LiveHub } from './live/live-hub.ts';
import { handleSocketError } from './live/socket-errors.ts';
import { registerSocketRoute } from './live/socket-route.ts';
import { AppMetrics } from './ops/metrics.ts';
import { installMetrics } from './ops/metrics-route.ts';
import { registerReadyRoute } from './ops/ready-route.ts';
import { announceAssignment } from './sync/assignment-notices.ts';
import { SERVER_ONLY_PARTS } from './sync/server-mutations.ts';
import { registerSyncRoutes } from './sync/sync-routes.ts';
import { registerTicketRoutes } from './tickets/ticket-routes.ts';
import { APP_VERSION } from './version.ts';
import { registerWebAppRoutes } from './web/web-app-routes.ts';

export interface BuiltApp {
  app: FastifyInstance;
  deps: AppDeps;
}

export interface BuildOptions {
  /** Where log lines go instead of stdout. */
  logStream?: LogStream;
}

/** Assembles the team backend around an open, migrated database. */
export async function buildApp(config: ServerConfig, db: Database, options: BuildOptions = {}): Promise<BuiltApp> {
  const app = Fastify(serverOptions(config, options.logStream));
  const liveHub = new LiveHub(db, (error, what) => app.log.warn({ err: error }, `live channel: failed ${what}`));
  await liveHub.start();
  const metrics = config.metrics.mode === 'off' ? null : new AppMetrics(() => liveHub.connectionCount);
  const deps: AppDeps = {
    db,
    config,
    liveHub,
    mutationHooks: { serverOnly: SERVER_ONLY_PARTS, afterCommit: announceAssignment(db, liveHub) },
    loginThrottles: { perAccount: new LoginThrottle(10), perAddress: new LoginThrottle(50) },
    version: APP_VERSION,
    ...(metrics ? { metrics: metrics.sync } : {}),
  };

  installErrorHandler(app);
  await installHttpHardening(app, config);
  installMetrics(app, metrics, config);
  await app.register(fastifyWebsocket, { options: { maxPayload: 4_096 }, errorHandler: handleSocketError });

  registerHealthRoute(app, deps);
  registerReadyRoute(app, deps);
  registerAuthRoutes(app, deps);
  registerTicketRoutes(app, deps);
  registerSyncRoutes(app, deps);
  registerSocketRoute(app, deps);
  await registerWebAppRoutes(app, config.webDir);

  app.addHook('onClose', async () => {
    await liveHub.stop();
  });
  return { app, deps };
}
