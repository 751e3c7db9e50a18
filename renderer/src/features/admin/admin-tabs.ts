import { type Action, can } from '#shared/domain/permissions';
import type { Role } from '#shared/domain/roles';

export type AdminTabId = 'users' | 'apiKeys' | 'settings' | 'mail' | 'sla' | 'audit';

/** The admin screen's sections, each behind the action the server checks for its routes. */
export const ADMIN_TABS: readonly { id: AdminTabId; label: string; action: Action }[] = [
  { id: 'users', label: 'Users', action: 'users.manage' },
  { id: 'apiKeys', label: 'API keys', action: 'apikeys.manage' },
  { id: 'settings', label: 'Team settings', action: 'settings.manage' },
  { id: 'mail', label: 'Email', action: 'settings.manage' },
  // Leads too: the Admin entry then shows them this section only.
  { id: 'sla', label: 'SLA policies', action: 'sla.manage' },
  { id: 'audit', label: 'Audit log', action: 'audit.read' },
];

/** The sections a role may open; none means no admin entry at all. */
export function adminTabsFor(role: Role): typeof ADMIN_TABS {
  return ADMIN_TABS.filter((tab) => can(role, tab.action));
}
