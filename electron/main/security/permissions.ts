import { isTrustedOrigin } from './origins.ts';

/** The only browser permission the app uses: desktop notifications for breaches and pokes. */
const GRANTED = new Set(['notifications']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  trustedOrigins: readonly string[],
): boolean {
  return GRANTED.has(permission) && isTrustedOrigin(requestingUrl, trustedOrigins);
}
