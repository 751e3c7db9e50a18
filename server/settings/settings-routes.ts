import type { AppDeps } from '../app-deps.ts';
import { auditActor } from '../http/audit-actor.ts';
import type { Handlers } from '../http/handlers.ts';
import { readTeamSettings, updateTeamSettings } from './team-settings.ts';

export function settingsHandlers({ db }: AppDeps): Pick<Handlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: async ({ principal }) => readTeamSettings(db, principal.user.workspaceId),
    updateSettings: async ({ body, principal, request }) =>
      updateTeamSettings(db, {
        workspaceId: principal.user.workspaceId,
        changes: body,
        actor: auditActor(principal, request),
      }),
  };
}
