import type { LoginThrottle } from './auth/login-throttle.ts';
import type { ScryptParams } from './auth/passwords.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { LiveHub } from './live/live-hub.ts';
import type { MailService } from './mail/mail-service.ts';
import type { SyncMetrics } from './ops/metrics.ts';
import type { ServerMutationHooks } from './sync/server-mutations.ts';

/** What route modules need; built once in buildApp and passed down explicitly. */
export interface AppDeps {
  db: Database;
  config: ServerConfig;
  liveHub: LiveHub;
  /** Each team's email channel: settings, status, and the workers that fetch and send. */
  mail: MailService;
  mutationHooks: ServerMutationHooks;
  /** Failed sign-ins per email+address, and per address alone (someone trying many emails). */
  loginThrottles: { perAccount: LoginThrottle; perAddress: LoginThrottle };
  version: string;
  /** How new passwords are hashed: OWASP's scrypt parameters, cheaper ones in tests only. */
  passwordParams: ScryptParams;
  /** Sync counters for /metrics; absent when metrics are off. */
  metrics?: SyncMetrics;
}
