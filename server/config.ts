import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT } from '#shared/api/routes';
import { presentEnv } from '#shared/util/env';
import { MailEnv, type MailEnvConfig, mailEnvConfig, mailEnvProblems } from './mail/mail-env.ts';

const REPO_ROOT = resolve(import.meta.dirname, '..');

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

function isAddressOrCidr(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies may tell us the client's address (X-Forwarded-For): none, a hop
 * count, or a list of addresses/CIDRs. "Trust everyone" is not offered: anyone
 * could then pick the address that rate limits and logs see.
 */
const TrustProxy = z.string().transform((value, context): false | number | string[] => {
  const trimmed = value.trim();
  if (trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const items = trimmed
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const bad = items.filter((item) => !isAddressOrCidr(item));
  if (items.length === 0 || bad.length > 0) {
    context.addIssue({
      code: 'custom',
      message: `must be false, a hop count, or a comma list of proxy addresses/CIDRs (not: ${bad.join(', ') || value})`,
    });
    return z.NEVER;
  }
  return items;
});

/** Every environment variable the server reads; the README documents each one. */
const ServerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_SERVER_PORT),
  HOST: z.string().min(1).default(DEFAULT_SERVER_HOST),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional(),
  SHIFTDESK_DATA_DIR: z
    .string()
    .min(1)
    .default(join(homedir(), '.shiftdesk', 'server')),
  SHIFTDESK_WEB_DIR: z
    .string()
    .min(1)
    .default(join(REPO_ROOT, 'out', 'web')),
  SHIFTDESK_SEED: z.enum(['demo', 'none']).default('demo'),
  SHIFTDESK_SEED_TICKETS: z.coerce.number().int().min(0).max(1_000_000).default(200),
  SHIFTDESK_SYNC_PAGE_ROWS: z.coerce.number().int().min(10).max(50_000).default(5_000),
  SHIFTDESK_ALLOWED_ORIGINS: commaList.default(['app://shiftdesk']),
  SHIFTDESK_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24 * 7),
  // A night shift: a session unused for this long has been left behind on some desk.
  SHIFTDESK_SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  // Warnings and errors only by default: a start stays readable; operators who ship logs set info.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  SHIFTDESK_METRICS: z.enum(['off', 'on', 'token']).default('off'),
  SHIFTDESK_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHIFTDESK_SHED_LOAD: z.enum(['on', 'off']).default('on'),
  SHIFTDESK_INTAKE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  SHIFTDESK_TRUST_PROXY: TrustProxy.default(false),
}).extend(MailEnv.shape);

export interface ServerConfig {
  port: number;
  host: string;
  /** Postgres when set; otherwise embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  webDir: string;
  seed: 'demo' | 'none';
  seedTickets: number;
  /** Rows per page when a client downloads its window or catches up on many changes. */
  pullPageRows: number;
  /** Origins allowed to call the API cross-origin (the desktop app's `app://shiftdesk`). */
  allowedOrigins: string[];
  /** A session ends this long after sign-in, however busy (absolute expiry). */
  sessionTtlMs: number;
  /** A session ends this long after its last request (idle expiry). */
  sessionIdleMs: number;
  logLevel: z.infer<typeof ServerEnv>['LOG_LEVEL'];
  /** `/metrics`: off (404), on (loopback only, or bearer token when one is set), token (bearer token required). */
  metrics: { mode: 'off' | 'on' | 'token'; token: string | undefined };
  /** Answer 503 while the event loop is too busy to serve requests in time. */
  shedLoad: boolean;
  /** Requests per minute per intake API key. */
  intakeRatePerMinute: number;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** The email channel's environment settings and tuning (server/mail/mail-env.ts). */
  mail: MailEnvConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the server configuration from the environment; an empty variable counts as unset. */
export function loadServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = ServerEnv.refine((e) => e.SHIFTDESK_METRICS !== 'token' || e.SHIFTDESK_METRICS_TOKEN !== undefined, {
    path: ['SHIFTDESK_METRICS_TOKEN'],
    message: 'is required when SHIFTDESK_METRICS=token',
  }).safeParse(presentEnv(env));
  const problems = parsed.success
    ? mailEnvProblems(parsed.data).map((problem) => `  ${problem}`)
    : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`The server configuration is invalid:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.SHIFTDESK_DATA_DIR,
    webDir: e.SHIFTDESK_WEB_DIR,
    seed: e.SHIFTDESK_SEED,
    seedTickets: e.SHIFTDESK_SEED_TICKETS,
    pullPageRows: e.SHIFTDESK_SYNC_PAGE_ROWS,
    allowedOrigins: e.SHIFTDESK_ALLOWED_ORIGINS,
    sessionTtlMs: e.SHIFTDESK_SESSION_TTL_HOURS * 3_600_000,
    sessionIdleMs: e.SHIFTDESK_SESSION_IDLE_HOURS * 3_600_000,
    logLevel: e.LOG_LEVEL,
    metrics: { mode: e.SHIFTDESK_METRICS, token: e.SHIFTDESK_METRICS_TOKEN },
    shedLoad: e.SHIFTDESK_SHED_LOAD === 'on',
    intakeRatePerMinute: e.SHIFTDESK_INTAKE_RATE_PER_MINUTE,
    trustProxy: e.SHIFTDESK_TRUST_PROXY,
    mail: mailEnvConfig(e),
  };
}
