import { describe, expect, it } from 'vitest';
import { backendConnectSources, loadShellConfig } from './shell-config.ts';

describe('desktop shell configuration', () => {
  it('defaults to the embedded server on this machine', () => {
    expect(loadShellConfig({})).toEqual({
      serverUrl: 'http://127.0.0.1:4870',
      devRendererUrl: undefined,
      profileDir: undefined,
    });
  });

  it('reads the server URL and drops a trailing slash', () => {
    expect(loadShellConfig({ SHIFTDESK_SERVER_URL: 'https://desk.example.com/' }).serverUrl).toBe(
      'https://desk.example.com',
    );
  });

  it.each([['ftp://desk.example.com'], ['javascript:alert(1)'], ['not a url']])(
    'refuses SHIFTDESK_SERVER_URL=%s',
    (url) => {
      expect(() => loadShellConfig({ SHIFTDESK_SERVER_URL: url })).toThrow(/SHIFTDESK_SERVER_URL/);
    },
  );

  it('derives the CSP sources for HTTP and WebSocket', () => {
    expect(backendConnectSources('https://desk.example.com:8443')).toEqual([
      'https://desk.example.com:8443',
      'wss://desk.example.com:8443',
    ]);
    expect(backendConnectSources('http://127.0.0.1:4870')).toEqual(['http://127.0.0.1:4870', 'ws://127.0.0.1:4870']);
  });
});
