/** HTTP paths, defined once for server routes and client calls alike. */
export const API_ROUTES = {
  /** Liveness: the process answers. */
  health: '/api/v1/health',
  /** Readiness: the database answers and its schema is current; load balancers route by it. */
  ready: '/api/v1/ready',
  /** Prometheus metrics (off unless SHIFTDESK_METRICS is set). Outside /api/, where scrapers look for it. */
  metrics: '/metrics',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
  ticket: '/api/v1/tickets/:id',
  push: '/api/v1/sync/push',
  pull: '/api/v1/sync/pull',
  socket: '/api/v1/sync/socket',
  fetch: '/api/v1/sync/fetch',
  problems: '/api/v1/sync/problems',
  archiveSearch: '/api/v1/archive/search',
} as const;

/** Fills a route pattern's `:params`: `routePath(API_ROUTES.ticket, { id })`. */
export function routePath(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`routePath: missing ${name} for ${pattern}`);
    return encodeURIComponent(value);
  });
}

export const DEFAULT_SERVER_PORT = 4870;
export const DEFAULT_SERVER_HOST = '127.0.0.1';
