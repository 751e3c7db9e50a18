import type { AppDeps } from '../app-deps.ts';
import type { Handlers } from '../http/handlers.ts';
import { queryAuditLog } from './audit-query.ts';

/** Admins read their team's log; so do integrations (a SIEM) with an `audit.read` key, for the key's team. */
export function auditHandlers({ db }: AppDeps): Pick<Handlers, 'auditLog'> {
  return {
    auditLog: async ({ query, principal }) => {
      const workspaceId = principal.kind === 'user' ? principal.user.workspaceId : principal.workspaceId;
      return queryAuditLog(db, workspaceId, query);
    },
  };
}
