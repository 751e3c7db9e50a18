import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './csp.ts';

describe('content security policy', () => {
  const csp = buildContentSecurityPolicy({ connectSources: ['http://127.0.0.1:4870', 'ws://127.0.0.1:4870'] });
  const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allows no inline script, eval or plugins', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets the page reach only itself and the backend', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:4870', 'ws://127.0.0.1:4870']);
  });
});
