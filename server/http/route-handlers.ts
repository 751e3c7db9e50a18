import type { AppDeps } from '../app-deps.ts';
import { accountHandlers } from '../accounts/account-routes.ts';
import { teamHandlers } from '../accounts/team-route.ts';
import { apiKeyHandlers } from '../api-keys/api-key-routes.ts';
import { auditHandlers } from '../audit/audit-routes.ts';
import { authHandlers } from '../auth/auth-routes.ts';
import { healthHandlers } from '../health-route.ts';
import { openApiHandlers } from '../ops/openapi-route.ts';
import { settingsHandlers } from '../settings/settings-routes.ts';
import { syncHandlers } from '../sync/sync-routes.ts';
import { ticketHandlers } from '../tickets/ticket-routes.ts';
import { type Handlers, SELF_REGISTERED } from './handlers.ts';
import { notImplemented } from './not-implemented.ts';

/** Every declared route's handler, gathered from the modules that own them. */
export function routeHandlers(deps: AppDeps): Handlers {
  return {
    ...healthHandlers(deps),
    ready: notImplemented,
    metrics: notImplemented,
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
    intakeTicket: notImplemented,
    intakeMessage: notImplemented,
  };
}
