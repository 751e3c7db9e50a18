import type { AppDeps } from '../app-deps.ts';
import { accountHandlers } from '../accounts/account-routes.ts';
import { teamHandlers } from '../accounts/team-route.ts';
import { apiKeyHandlers } from '../api-keys/api-key-routes.ts';
import { auditHandlers } from '../audit/audit-routes.ts';
import { authHandlers } from '../auth/auth-routes.ts';
import { healthHandlers } from '../health-route.ts';
import { intakeHandlers } from '../intake/intake-routes.ts';
import { mailHandlers } from '../mail/mail-routes.ts';
import type { AppMetrics } from '../ops/metrics.ts';
import { metricsHandlers } from '../ops/metrics-route.ts';
import { openApiHandlers } from '../ops/openapi-route.ts';
import { readyHandlers } from '../ops/ready-route.ts';
import { settingsHandlers } from '../settings/settings-routes.ts';
import { syncHandlers } from '../sync/sync-routes.ts';
import { ticketHandlers } from '../tickets/ticket-routes.ts';
import { type Handlers, SELF_REGISTERED } from './handlers.ts';

/** Every declared route's handler, gathered from the modules that own them. */
export function routeHandlers(deps: AppDeps, metrics: AppMetrics | null): Handlers {
  return {
    ...healthHandlers(deps),
    ...readyHandlers(deps),
    ...metricsHandlers(metrics, deps.config),
    ...openApiHandlers(deps),
    ...authHandlers(deps),
    ...ticketHandlers(deps),
    ...syncHandlers(deps),
    socket: SELF_REGISTERED,
    ...teamHandlers(deps),
    ...accountHandlers(deps),
    ...apiKeyHandlers(deps),
    ...settingsHandlers(deps),
    ...auditHandlers(deps),
    ...intakeHandlers(deps),
    ...mailHandlers(deps),
  };
}
