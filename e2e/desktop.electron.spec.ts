import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findElectronBinary } from '../scripts/electron-binary.ts';
import { ConsolePage } from './fixtures/console-page.ts';
import { ServerProcess } from '../tooling/server-process.ts';

const binary = findElectronBinary();
const skipReason = 'missing' in binary ? `Electron desktop tests skipped: ${binary.missing}` : null;
if (skipReason) console.warn(skipReason);

test.describe('desktop app (Electron)', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let server: ServerProcess;
  let profileDir: string;
  test.beforeAll(async () => {
    server = await ServerProcess.start();
  });
  test.afterAll(async () => {
    await server.dispose();
  });
  test.beforeEach(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'shiftdesk-profile-'));
  });
  test.afterEach(async () => {
    await rm(profileDir, { recursive: true, force: true });
  });

  test('opens a hardened window, signs in through the preload contract and shows the queue', async () => {
    if ('missing' in binary) return;
    const app = await electron.launch({
      executablePath: binary.path,
      // Chromium refuses to run as root without --no-sandbox (CI containers); the renderer sandbox stays on.
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        resolve(import.meta.dirname, '..', 'out', 'main', 'index.js'),
      ],
      env: { ...process.env, SHIFTDESK_SERVER_URL: server.url, SHIFTDESK_PROFILE_DIR: profileDir },
    });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toBe('app://shiftdesk/index.html');
      const exposure = await page.evaluate(() => ({
        shell: Object.keys((window as unknown as { shiftdesk: object }).shiftdesk).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposure).toEqual({
        shell: ['clearSession', 'getAppInfo', 'loadSession', 'notify', 'saveSession'],
        require: 'undefined',
        process: 'undefined',
      });

      const console = new ConsolePage(page);
      await console.signIn('agent@demo.shiftdesk.test');
      await console.waitForSyncedQueue();

      // Navigation away from the app is blocked by the main process. Wait for the attempt to reach
      // the main process's will-navigate (where the guard, registered first, already refused it)
      // rather than sleeping and hoping.
      const attempted = app.evaluate(
        ({ webContents }) =>
          new Promise<{ url: string; prevented: boolean }>((resolveAttempt) => {
            const contents = webContents
              .getAllWebContents()
              .find((candidate) => candidate.getURL().startsWith('app://'));
            contents?.once('will-navigate', (event, url) => resolveAttempt({ url, prevented: event.defaultPrevented }));
          }),
      );
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      expect(await attempted).toEqual({ url: 'https://example.com/', prevented: true });
      expect(page.url()).toBe('app://shiftdesk/index.html');
    } finally {
      await app.close();
    }
  });
});
