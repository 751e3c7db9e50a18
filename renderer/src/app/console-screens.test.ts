import { describe, expect, it } from 'vitest';
import { ROLES } from '#shared/domain/roles';
import { adminTabsFor } from '../features/admin/admin-tabs.ts';
import { consoleScreensFor } from './console-screens.ts';

describe('screens per role', () => {
  it.each([
    ['agent', ['queue', 'handover', 'escalations', 'dashboard', 'macros'], []],
    ['analyst', ['queue', 'handover', 'escalations', 'dashboard', 'macros'], []],
    ['trainee', ['queue'], []],
    // Leads edit SLA policies: the Admin entry shows them that section only.
    ['lead', ['queue', 'handover', 'escalations', 'dashboard', 'macros', 'team', 'admin'], ['sla']],
    [
      'admin',
      ['queue', 'handover', 'escalations', 'dashboard', 'macros', 'team', 'admin'],
      ['users', 'apiKeys', 'settings', 'mail', 'sla', 'audit'],
    ],
  ] as const)('%s sees %j and admin tabs %j', (role, screens, tabs) => {
    expect(consoleScreensFor(role)).toEqual(screens);
    expect(adminTabsFor(role).map((tab) => tab.id)).toEqual(tabs);
  });

  it('covers every role', () => {
    for (const role of ROLES) expect(consoleScreensFor(role)[0]).toBe('queue');
  });
});
