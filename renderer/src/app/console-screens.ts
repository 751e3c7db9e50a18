import { can } from '#shared/domain/permissions';
import type { Role } from '#shared/domain/roles';
import { adminTabsFor } from '../features/admin/admin-tabs.ts';

export type ConsoleScreenId = 'queue' | 'handover' | 'escalations' | 'dashboard' | 'macros' | 'team' | 'admin';

export const CONSOLE_SCREEN_LABELS: Readonly<Record<ConsoleScreenId, string>> = {
  queue: 'Queue',
  handover: 'Handover',
  escalations: 'Escalations',
  dashboard: 'Shift',
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
  // The handover lives beside the queue: built during the shift, received at its start.
  if (can(role, 'handover.work')) screens.push('handover');
  if (can(role, 'escalations.create') || can(role, 'escalations.work')) screens.push('escalations');
  // The shift dashboard is for whoever works shifts (trainees practise in the sandbox, without one).
  if (can(role, 'shift.work')) screens.push('dashboard');
  if (can(role, 'macros.save')) screens.push('macros');
  if (can(role, 'team.view')) screens.push('team');
  if (adminTabsFor(role).length > 0) screens.push('admin');
  return screens;
}
