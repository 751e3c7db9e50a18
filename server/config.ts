import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT } from '#shared/api/routes';

const REPO_ROOT = resolve(import.meta.dirname, '..');

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

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
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the server configuration from the environment; an empty variable counts as unset. */
export function loadServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ServerEnv.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`The server configuration is invalid:\n${problems}`);
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
  };
}
