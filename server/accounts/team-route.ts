import { TeamMember } from '#shared/api/accounts';
import type { AppDeps } from '../app-deps.ts';
import type { Handlers } from '../http/handlers.ts';

/** Leads see the whole team and who has the app open right now (see LiveHub.connectedUserIds). */
export function teamHandlers({ db, liveHub }: AppDeps): Pick<Handlers, 'team'> {
  return {
    team: async ({ principal }) => {
      const workspaceId = principal.user.workspaceId;
      const rows = await db.query<{ id: string; name: string; email: string; role: string; disabled: boolean }>(
        `select id, name, email, role, disabled_at is not null as disabled
           from users where workspace_id = $1 order by lower(name), id`,
        [workspaceId],
      );
      const connected = liveHub.connectedUserIds(workspaceId);
      return {
        members: rows.map((row) => TeamMember.parse({ ...row, onShift: !row.disabled && connected.has(row.id) })),
      };
    },
  };
}
