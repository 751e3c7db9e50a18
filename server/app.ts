import { ensureStarterMacros } from './macros/starter-macros.ts';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { OWASP_SCRYPT, type ScryptParams } from './auth/passwords.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { installErrorHandler } from './http/errors.ts';
import { registerEndpoints } from './http/handlers.ts';
import { installHttpHardening } from './http/http-hardening.ts';
import { routeHandlers } from './http/route-handlers.ts';
import { type LogStream, serverOptions } from './http/server-options.ts';
import { LiveHub } from './live/live-hub.ts';
import { handleSocketError } from './live/socket-errors.ts';
import { registerSocketRoute } from './live/socket-route.ts';
import { AppMetrics } from './ops/metrics.ts';
import { installMetrics } from './ops/metrics-route.ts';
import { announceAssignment } from './sync/assignment-notices.ts';
import { MailService } from './mail/mail-service.ts';
import { enqueueReplyPart } from './mail/outbound/enqueue-reply-part.ts';
import { nudgeOutboundMail } from './mail/outbound/nudge-outbound-mail.ts';
import { afterCommitHooks } from './sync/after-commit-hooks.ts';
import { SERVER_ONLY_PARTS } from './sync/server-mutations.ts';
import { APP_VERSION } from './version.ts';
import { registerWebAppRoutes } from './web/web-app-routes.ts';

export interface BuildOptions {
  /** Tests pass cheaper scrypt parameters; the product always hashes with OWASP's. */
  passwordParams?: ScryptParams;
  /** Where log lines go instead of stdout. */
  logStream?: LogStream;
}

export interface BuiltApp {
  app: FastifyInstance;
  deps: AppDeps;
  /** Every route the app registered (HEAD twins excluded), for the test that holds them to the declarations. */
  routes: readonly { method: string; url: string }[];
}

/** Assembles the team backend around an open, migrated database. */
export async function buildApp(config: ServerConfig, db: Database, options: BuildOptions = {}): Promise<BuiltApp> {
  const app = Fastify(serverOptions(config, options.logStream));
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  // Content every team starts with; a no-op once a team has it (or deleted it).
  await ensureStarterMacros(db);
  const liveHub = new LiveHub(db, (error, what) => app.log.warn({ err: error }, `live channel: failed ${what}`));
  await liveHub.start();
  const metrics = config.metrics.mode === 'off' ? null : new AppMetrics(() => liveHub.connectionCount);
  const mail = new MailService(db, config.mail, app.log);
  await mail.start();
  const deps: AppDeps = {
    db,
    config,
    liveHub,
    mail,
    mutationHooks: {
      serverOnly: { ...SERVER_ONLY_PARTS, addMessage: enqueueReplyPart(() => mail.store) },
      afterCommit: afterCommitHooks([announceAssignment(db, liveHub), nudgeOutboundMail(mail)]),
    },
    loginThrottles: { perAccount: new LoginThrottle(10), perAddress: new LoginThrottle(50) },
    version: APP_VERSION,
    passwordParams: options.passwordParams ?? OWASP_SCRYPT,
    ...(metrics ? { metrics: metrics.sync } : {}),
  };

  installErrorHandler(app);
  await installHttpHardening(app, config);
  installMetrics(app, metrics);
  await app.register(fastifyWebsocket, { options: { maxPayload: 4_096 }, errorHandler: handleSocketError });

  app.decorateRequest('principal', null);
  registerEndpoints(app, deps, routeHandlers(deps, metrics));
  registerSocketRoute(app, deps);
  await registerWebAppRoutes(app, config.webDir);

  app.addHook('onClose', async () => {
    await mail.stop();
    await liveHub.stop();
  });
  return { app, deps, routes };
}
