import type { LoginThrottle } from './auth/login-throttle.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { PokeHub } from './sync/poke-hub.ts';

/** What route modules need; built once in buildApp and passed down explicitly. */
export interface AppDeps {
  db: Database;
  config: ServerConfig;
  pokeHub: PokeHub;
  /** Failed sign-ins per email+address, and per address alone (someone trying many emails). */
  loginThrottles: { perAccount: LoginThrottle; perAddress: LoginThrottle };
  version: string;
}
