import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions.ts';

describe('permission requests', () => {
  it.each([
    ['notifications', 'app://shiftdesk/index.html', true],
    ['notifications', 'https://evil.example/', false],
    ['media', 'app://shiftdesk/index.html', false],
    ['geolocation', 'app://shiftdesk/index.html', false],
    ['openExternal', 'app://shiftdesk/index.html', false],
  ])('%s from %s → %s', (permission, url, allowed) => {
    expect(isPermissionAllowed(permission, url, ['app://shiftdesk'])).toBe(allowed);
  });
});
