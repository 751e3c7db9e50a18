import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from './window-options.ts';

describe('secure window options', () => {
  const { webPreferences, ...window } = secureWindowOptions('/app/out/preload/index.cjs');

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('webPreferences.%s is %s', (key, expected) => {
    expect(webPreferences?.[key]).toBe(expected);
  });

  it('loads only the given preload and opens dark without a white flash', () => {
    expect(webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(window.show).toBe(false);
    expect(window.backgroundColor).toMatch(/^#0/);
  });
});
