import { ENDPOINTS, type EndpointName } from './endpoints.ts';

/** Route paths by name, derived from the declarations (for tests, tools and the socket URL). */
export const API_ROUTES = Object.fromEntries(
  Object.entries(ENDPOINTS).map(([name, endpoint]) => [name, endpoint.path]),
) as { [K in EndpointName]: (typeof ENDPOINTS)[K]['path'] };

export { routePath } from './endpoint.ts';

export const DEFAULT_SERVER_PORT = 4870;
export const DEFAULT_SERVER_HOST = '127.0.0.1';
