import { describe, expect, it } from 'vitest';
import { ROLES, can } from './roles.ts';

describe('permissions', () => {
  it.each(ROLES.map((role) => [role, role !== 'trainee'] as const))('%s may triage: %s', (role, allowed) => {
    expect(can(role, 'ticket.triage')).toBe(allowed);
  });
});
