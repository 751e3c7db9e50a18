/// <reference lib="webworker" />
/**
 * Caches the app shell so web mode opens and works without the server, like
 * the desktop app. API calls are never cached: data lives in IndexedDB and
 * syncs separately.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;

// Replaced at build time (tooling/precache-plugin.ts) with the built files and their digest.
const PRECACHE = JSON.parse('__SHIFTDESK_PRECACHE__') as { version: string; urls: string[] };
const CACHE = `shiftdesk-shell-${PRECACHE.version}`;
const NAVIGATION_TIMEOUT_MS = 3_000;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.urls);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('shiftdesk-shell-') && key !== CACHE) await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(request.mode === 'navigate' ? appShell(request) : cachedFirst(request));
});

/** Pages: the network when it answers quickly (to pick up updates), otherwise the cached shell. */
async function appShell(request: Request): Promise<Response> {
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    if (response.ok) return response;
  } catch {
    // Offline or server down: fall through to the cached shell.
  }
  const cached = await caches.match('/index.html', { cacheName: CACHE });
  return cached ?? new Response('Shiftdesk is offline and not cached yet.', { status: 503 });
}

/** Hashed assets never change, so the cache answers first. */
async function cachedFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? fetch(request);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
