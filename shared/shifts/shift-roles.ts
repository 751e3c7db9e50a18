import { ACTION_NAMES, can } from '../domain/permissions.ts';
import { ROLES, type Role } from '../domain/roles.ts';

/**
 * The roles an account may work a shift as: its own, or one that can do no
 * more than it can (an analyst covers the queue as an agent; a lead covers as
 * either). Read from the role × action table, so a role that gains a right
 * drops out of what lesser accounts may cover, without anyone remembering to.
 * Trainees work no shifts: they practise in the sandbox.
 */
export function shiftRolesFor(accountRole: Role): Role[] {
  if (!can(accountRole, 'shift.work')) return [];
  const covered = ROLES.filter(
    (role) =>
      role !== accountRole &&
      can(role, 'shift.work') &&
      ACTION_NAMES.every((action) => !can(role, action) || can(accountRole, action)),
  );
  return [accountRole, ...covered];
}

/** Whether an account may work a shift as `role`. */
export function mayWorkShiftAs(accountRole: Role, role: Role): boolean {
  return shiftRolesFor(accountRole).includes(role);
}
