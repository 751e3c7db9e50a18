import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { buildContentSecurityPolicy } from '#shared/security/csp';
import type { ApiErrorBody } from '#shared/api/errors';

const CSP = buildContentSecurityPolicy({ connectSources: [] });

function isShellFile(path: string): boolean {
  return path.endsWith('.html') || path.endsWith('/sw.js') || path.endsWith('.webmanifest');
}

function setDocumentHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CSP);
  // The app shell and the service worker must be revalidated so updates arrive;
  // hashed assets never change and may be cached forever.
  reply.header('cache-control', 'no-cache');
}

/**
 * Serves the built web app ("web mode"): the same React app as the desktop,
 * with its service worker, so one server process gives a working console.
 */
export async function registerWebAppRoutes(app: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = join(webDir, 'index.html');
  const built = existsSync(indexFile);

  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      index: ['index.html'],
      wildcard: true,
      setHeaders: (reply, path) => {
        if (isShellFile(path)) setDocumentHeaders(reply);
        else if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  } else {
    app.get('/', async (_request, reply) => {
      const body: ApiErrorBody = {
        error: 'web_app_not_built',
        message: `The web app is not built (no ${indexFile}). Run "npm run start:web", or "npm run build:web" first.`,
      };
      return reply.status(503).send(body);
    });
  }

  // Client-side routes (e.g. /tickets/123) load the app shell; unknown API paths stay JSON 404s.
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (built && wantsPage) {
      setDocumentHeaders(reply);
      return reply.sendFile('index.html');
    }
    const body: ApiErrorBody = {
      error: 'not_found',
      message: `Nothing at ${request.method} ${request.url.split('?')[0] ?? ''}.`,
    };
    return reply.status(404).send(body);
  });
}
