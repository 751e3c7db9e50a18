/**
 * The Content-Security-Policy for the app's pages, in the desktop shell and in
 * web mode alike. No inline script, no eval, no remote code; the only network
 * destinations are the app's own origin and the team backend.
 */
export function buildContentSecurityPolicy(options: { connectSources: readonly string[] }): string {
  const connect = ["'self'", ...options.connectSources].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
