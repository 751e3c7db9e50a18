/**
 * Registers the service worker that caches the app shell, so the console opens
 * and works when the server is unreachable. Resolves true once a worker
 * controls this page.
 */
export async function registerAppShellWorker(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return true;
    // First visit: the worker claims the page on activation.
    return await new Promise<boolean>((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
    });
  } catch {
    return false;
  }
}
