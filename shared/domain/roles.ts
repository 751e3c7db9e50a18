import { z } from 'zod';

export const ROLES = ['agent', 'analyst', 'lead', 'trainee', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * What a role may do. The server enforces this on every mutation; the UI only
 * mirrors it to hide buttons that would be rejected anyway.
 */
export const PERMISSIONS = ['ticket.triage'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  agent: ['ticket.triage'],
  analyst: ['ticket.triage'],
  lead: ['ticket.triage'],
  admin: ['ticket.triage'],
  // Trainees work in the sandbox only until a lead promotes them.
  trainee: [],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
