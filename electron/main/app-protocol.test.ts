import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppAssetPath } from './app-protocol.ts';

const root = '/opt/shiftdesk/out/renderer';

describe('app:// path resolution', () => {
  it.each([
    ['app://shiftdesk/index.html', `${root}/index.html`],
    ['app://shiftdesk/', `${root}/index.html`],
    ['app://shiftdesk/assets/index-abc.js', `${root}/assets/index-abc.js`],
    ['app://shiftdesk/assets/a%20b.css', `${root}/assets/a b.css`],
  ])('%s → %s', (url, expected) => {
    expect(resolveAppAssetPath(root, url)).toBe(expected);
  });

  it.each([
    ['encoded slashes climbing out', 'app://shiftdesk/..%2f..%2fetc%2fpasswd'],
    ['encoded slashes to a sibling with the same prefix', 'app://shiftdesk/..%2frenderer-evil%2fx.js'],
    ['backslashes', 'app://shiftdesk/..%5c..%5cwindows%5cwin.ini'],
    ['a NUL byte', 'app://shiftdesk/index.html%00.png'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/shiftdesk/out/renderer/index.html'],
    ['broken percent-encoding', 'app://shiftdesk/%E0%A4%A'],
    ['not a url', '::::'],
  ])('rejects %s', (_label, url) => {
    expect(resolveAppAssetPath(root, url)).toBeNull();
  });

  it.each([
    ['dot segments', 'app://shiftdesk/../../etc/passwd'],
    ['encoded dot segments', 'app://shiftdesk/%2e%2e/%2e%2e/etc/passwd'],
  ])('keeps %s inside the app folder (the URL parser resolves them first)', (_label, url) => {
    expect(resolveAppAssetPath(root, url)).toBe(`${root}/etc/passwd`);
  });
});

describe('app:// handler', () => {
  const files: Record<string, string> = {
    [`${root}/index.html`]: '<!doctype html>',
    [`${root}/assets/app.js`]: 'console.log(1)',
  };
  const handler = createAppProtocolHandler({
    rootDir: root,
    contentSecurityPolicy: "default-src 'self'",
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error('ENOENT');
      return new TextEncoder().encode(content);
    },
  });

  it('serves documents with the CSP and the right type', async () => {
    const response = await handler(new Request('app://shiftdesk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('serves scripts as JavaScript with nosniff', async () => {
    const response = await handler(new Request('app://shiftdesk/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for traversal attempts and missing files', async () => {
    expect((await handler(new Request('app://shiftdesk/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(404);
    expect((await handler(new Request('app://shiftdesk/missing.js'))).status).toBe(404);
  });
});
