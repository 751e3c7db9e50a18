import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, navigationGuard } from './navigation-guard.ts';

const trusted = ['app://shiftdesk'];

describe('navigation guard', () => {
  it.each([
    ['app://shiftdesk/index.html', true],
    ['app://shiftdesk/', true],
    ['app://evil/index.html', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['app://shiftdesk.evil.com/', false],
    ['not a url', false],
  ])('%s → allowed=%s', (url, allowed) => {
    expect(isAllowedNavigation(url, trusted)).toBe(allowed);
  });

  it('prevents the navigation event for anything off the app', () => {
    const guard = navigationGuard(trusted);
    const blocked = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    const allowed = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    guard(blocked, 'https://phish.example/login');
    guard(allowed, 'app://shiftdesk/index.html');
    expect(blocked.prevented).toBe(true);
    expect(allowed.prevented).toBe(false);
  });

  it('trusts a dev server origin only when configured', () => {
    expect(isAllowedNavigation('http://localhost:5173/', trusted)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/', ['http://localhost:5173'])).toBe(true);
  });
});
