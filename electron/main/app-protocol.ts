import { extname, resolve, sep } from 'node:path';

/** The desktop app is served from `app://shiftdesk/…`, never from file:// (which would grant the page file access). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shiftdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Maps an `app://shiftdesk/…` URL to a file inside `rootDir`, or null when the
 * URL is for another host, malformed, or tries to leave the directory
 * (`..`, encoded `%2e%2e`, backslashes, NUL bytes).
 */
export function resolveAppAssetPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const target = resolve(root, relative);
  return target.startsWith(root + sep) ? target : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** A `protocol.handle` handler serving the built renderer, with the CSP on documents. */
export function createAppProtocolHandler(options: {
  rootDir: string;
  contentSecurityPolicy: string;
  readFile: (path: string) => Promise<Uint8Array>;
}) {
  return async (request: Request): Promise<Response> => {
    const path = resolveAppAssetPath(options.rootDir, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await options.readFile(path);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const headers: Record<string, string> = {
      'content-type': contentTypeFor(path),
      'x-content-type-options': 'nosniff',
    };
    if (path.endsWith('.html')) headers['content-security-policy'] = options.contentSecurityPolicy;
    return new Response(body, { status: 200, headers });
  };
}
