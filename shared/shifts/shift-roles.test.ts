import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/roles.ts';
import { mayWorkShiftAs, shiftRolesFor } from './shift-roles.ts';

describe('shiftRolesFor', () => {
  it.each<[Role, Role[]]>([
    ['agent', ['agent']],
    ['analyst', ['analyst', 'agent']],
    ['lead', ['lead', 'agent', 'analyst']],
    ['admin', ['admin', 'agent', 'analyst', 'lead']],
    ['trainee', []],
  ])('a %s may work as %o', (account, roles) => {
    expect(shiftRolesFor(account)).toEqual(roles);
  });

  it.each<[Role, Role, boolean]>([
    ['analyst', 'agent', true],
    ['agent', 'analyst', false],
    ['agent', 'lead', false],
    ['analyst', 'lead', false],
    ['lead', 'trainee', false],
    ['trainee', 'trainee', false],
  ])('a %s working as %s: %s', (account, role, allowed) => {
    expect(mayWorkShiftAs(account, role)).toBe(allowed);
  });
});
