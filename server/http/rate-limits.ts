import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitClass } from '#shared/api/endpoint';
import type { ServerConfig } from '../config.ts';
import { HttpError } from './errors.ts';
import { isLoopback } from './loopback.ts';

/**
 * Request budgets by kind of route, per client address (intake: per API key),
 * per route, per minute. They stop floods and scripted guessing, not people:
 * a busy agent's device syncs well below them. Failed sign-ins have their own,
 * stricter throttle (auth/login-throttle.ts); this one bounds all attempts.
 */
export type { RateLimitClass };

interface Budget {
  perMinute: (config: Pick<ServerConfig, 'intakeRatePerMinute'>) => number;
  key: 'ip' | 'apiKey';
}

export const RATE_LIMIT_BUDGETS: Readonly<Record<RateLimitClass, Budget>> = {
  login: { perMinute: () => 30, key: 'ip' },
  // Signed-in reads (ticket, archive search, sign-out, the live socket).
  session: { perMinute: () => 300, key: 'ip' },
  // Push, pull and fetch: a download pages quickly, and several agents may share one office address.
  sync: { perMinute: () => 600, key: 'ip' },
  intake: { perMinute: (config) => config.intakeRatePerMinute, key: 'apiKey' },
  admin: { perMinute: () => 120, key: 'ip' },
  open: { perMinute: () => 120, key: 'ip' },
};

/**
 * Intake is limited per API key, so integrations behind one gateway do not
 * share a budget. The route's access check identifies the key before the
 * limit is counted (the limit runs at preHandler); without one, the address stands in.
 */
function apiKeyOrAddress(request: FastifyRequest): string {
  const principal = request.principal;
  return principal?.kind === 'apiKey' ? `key:${principal.id}` : `ip:${request.ip}`;
}

/** Each key's own budget (set when it was created), else the configured default. */
function apiKeyBudget(fallback: number): (request: FastifyRequest) => number {
  return (request) => {
    const principal = request.principal;
    return principal?.kind === 'apiKey' ? principal.ratePerMinute : fallback;
  };
}

/** The value of a route's `config.rateLimit` for a class: `{ config: { rateLimit: rateLimitConfig('login', config) } }`. */
export function rateLimitConfig(
  cls: RateLimitClass,
  config: Pick<ServerConfig, 'intakeRatePerMinute'>,
): RateLimitOptions {
  const budget = RATE_LIMIT_BUDGETS[cls];
  if (budget.key === 'apiKey') {
    return {
      max: apiKeyBudget(budget.perMinute(config)),
      timeWindow: 60_000,
      groupId: cls,
      keyGenerator: apiKeyOrAddress,
      hook: 'preHandler',
    };
  }
  return { max: budget.perMinute(config), timeWindow: 60_000, groupId: cls };
}

/**
 * Only routes that name a class are limited (`global: false`); a 429 has the
 * API's JSON error shape. This machine is never limited: it is the desktop's
 * own embedded server, or tests and benchmarks driving many agents. Behind a
 * proxy, SHIFTDESK_TRUST_PROXY makes `request.ip` the real client's address.
 */
export async function installRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    allowList: (request) => isLoopback(request.ip),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(context.statusCode, 'rate_limited', `Too many requests; try again in ${seconds} s.`, {
        'retry-after': String(seconds),
      });
    },
  });
}
