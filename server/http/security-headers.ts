import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Headers every response carries, page or API, from helmet. Its CSP is the
 * strictest there is, for API answers (JSON needs no sources at all); the web
 * app's pages set their own policy from shared/security/csp.ts, which replaces
 * this one because route headers are written after helmet's.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only meaningful behind TLS (browsers ignore it over plain HTTP). Not for
    // subdomains: the team's other sites are not ours to force onto HTTPS.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });
}
