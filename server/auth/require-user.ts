import type { FastifyRequest } from 'fastify';

/** The bearer token of a request, if it has one of a plausible shape (session token or API key). */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer ([A-Za-z0-9_-]{20,200})$/);
  return match?.[1] ?? null;
}
