import { can } from '#shared/domain/permissions';
import type { Role } from '#shared/domain/roles';
import { adminTabsFor } from '../features/admin/admin-tabs.ts';

export type ConsoleScreenId = 'queue' | 'macros' | 'team' | 'admin';

export const CONSOLE_SCREEN_LABELS: Readonly<Record<ConsoleScreenId, string>> = {
  queue: 'Queue',
  macros: 'Macros',
  team: 'Team',
  admin: 'Admin',
};

/**
 * The screens the header offers a role, read from the same role × action table
 * the server enforces: what a role cannot do, it does not see.
 */
export function consoleScreensFor(role: Role): ConsoleScreenId[] {
  const screens: ConsoleScreenId[] = ['queue'];
  if (can(role, 'macros.save')) screens.push('macros');
  if (can(role, 'team.view')) screens.push('team');
  if (adminTabsFor(role).length > 0) screens.push('admin');
  return screens;
}
