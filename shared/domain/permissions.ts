import type { Role } from './roles.ts';

/**
 * The one role × action table. The server checks it for every mutation and
 * every route (shared/api/endpoints.ts); the UI reads the same table to hide what a
 * role cannot do. `does` completes "A trainee cannot …" in refusal messages.
 *
 * Trainees work in the sandbox until a lead promotes them: they never write
 * to the team's real data, so no real action lists them.
 */
export const ACTIONS = {
  'ticket.triage': { does: 'change ticket priority or tags', roles: ['agent', 'analyst', 'lead', 'admin'] },
  'ticket.status': { does: 'change ticket status', roles: ['agent', 'analyst', 'lead', 'admin'] },
  'ticket.claim': { does: 'claim or release tickets', roles: ['agent', 'analyst', 'lead', 'admin'] },
  'ticket.assign': { does: 'assign tickets to others or take them over', roles: ['lead', 'admin'] },
  'ticket.reply': { does: 'reply to customers or write internal notes', roles: ['agent', 'analyst', 'lead', 'admin'] },
  'ticket.merge': { does: 'merge duplicate tickets or undo a merge', roles: ['agent', 'analyst', 'lead', 'admin'] },
  'problems.manage': {
    does: 'create problems or link tickets to them',
    roles: ['agent', 'analyst', 'lead', 'admin'],
  },
  'escalations.create': {
    does: 'write escalation packets or answer an analyst',
    roles: ['agent', 'analyst', 'lead', 'admin'],
  },
  // Working a packet (acknowledge, ask, forward, resolve) is the analyst's job; leads cover.
  'escalations.work': { does: 'work escalations as an analyst', roles: ['analyst', 'lead', 'admin'] },
  'shift.work': { does: 'start or end a shift', roles: ['agent', 'analyst', 'lead', 'admin'] },
  'handover.work': { does: 'build, submit or receive handovers', roles: ['agent', 'analyst', 'lead', 'admin'] },
  'macros.save': { does: 'save macros', roles: ['agent', 'analyst', 'lead', 'admin'] },
  // Team macros speak for the team to every customer: leads and admins keep that list.
  'macros.manageShared': { does: 'create, change or delete team macros', roles: ['lead', 'admin'] },
  'sla.manage': { does: 'change SLA policies and the team calendar', roles: ['lead', 'admin'] },
  // Saved views are team data too (every device holds them), so trainees keep theirs in the sandbox.
  'views.save': { does: 'save views', roles: ['agent', 'analyst', 'lead', 'admin'] },
  // Owners change their own views; this lets a lead tidy up the team's shared list. Personal views stay their owner's.
  'views.manageShared': { does: 'change or delete shared views of others', roles: ['lead', 'admin'] },
  'team.view': { does: 'see the team and who is on shift', roles: ['lead', 'admin'] },
  'users.manage': { does: 'add, change or disable accounts', roles: ['admin'] },
  'apikeys.manage': { does: 'create or revoke API keys', roles: ['admin'] },
  'settings.manage': { does: 'change team settings', roles: ['admin'] },
  'audit.read': { does: 'read the audit log', roles: ['admin'] },
} as const satisfies Record<string, { does: string; roles: readonly Role[] }>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

export function can(role: Role, action: Action): boolean {
  return (ACTIONS[action].roles as readonly Role[]).includes(role);
}

/** "A trainee cannot change ticket status." */
export function refusalMessage(role: Role, action: Action): string {
  return `A ${role} cannot ${ACTIONS[action].does}.`;
}
