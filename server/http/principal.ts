import type { ApiKeyScope } from '#shared/api/api-keys';
import type { Access } from '#shared/api/endpoint';
import type { SessionUser } from '#shared/api/auth';
import type { ApiKeyId, WorkspaceId } from '#shared/domain/ids';

/** A signed-in person; `token` is their session's bearer token (never logged). */
export interface UserPrincipal {
  kind: 'user';
  user: SessionUser;
  token: string;
}

/** An integration calling with an API key. */
export interface ApiKeyPrincipal {
  kind: 'apiKey';
  id: ApiKeyId;
  workspaceId: WorkspaceId;
  name: string;
  scopes: ApiKeyScope[];
  ratePerMinute: number;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** Who a handler is called for, derived from its route's declared access. */
export type PrincipalFor<A extends Access> = A extends { kind: 'public' }
  ? null
  : A extends { kind: 'apiKey' }
    ? ApiKeyPrincipal
    : A extends { kind: 'session'; apiKeyScope: ApiKeyScope }
      ? UserPrincipal | ApiKeyPrincipal
      : UserPrincipal;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the route's access check before the body is read; null on public routes. */
    principal: Principal | null;
  }
}

/** Who did it, for audit entries and logs. */
export function actorOf(principal: Principal | null): { userId: string | null; apiKeyId: string | null } {
  if (!principal) return { userId: null, apiKeyId: null };
  return principal.kind === 'user'
    ? { userId: principal.user.id, apiKeyId: null }
    : { userId: null, apiKeyId: principal.id };
}
