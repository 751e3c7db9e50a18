import { isTrustedOrigin } from './origins.ts';

/**
 * The app is a single page: it never navigates its window anywhere but its own
 * origin. Anything else (a link in ticket content, a drag-dropped file, a
 * compromised script) is stopped.
 */
export function isAllowedNavigation(targetUrl: string, trustedOrigins: readonly string[]): boolean {
  return isTrustedOrigin(targetUrl, trustedOrigins);
}

/** A `will-navigate` / `will-redirect` listener that blocks every navigation off the app. */
export function navigationGuard(trustedOrigins: readonly string[]) {
  return (event: { preventDefault: () => void }, targetUrl: string): void => {
    if (!isAllowedNavigation(targetUrl, trustedOrigins)) event.preventDefault();
  };
}
