import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tooling/chromium.ts';

/**
 * e2e runs the real app: the built web app served by the real server process,
 * in Debian's Chromium (never a downloaded browser). Desktop tests drive the
 * built Electron app and skip, saying why, where no Electron binary exists.
 */

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // Each worker runs a browser and its own server process. Three on two cores: the tests mostly wait
  // (sync round trips, live updates, server restarts), keeping the CPU about half busy with two workers
  // (`/usr/bin/time -v npx playwright test`: 430 s of CPU in 497 s). PW_WORKERS overrides it.
  workers: Number(process.env.PW_WORKERS ?? 3),
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // The HTML report keeps what tests attach (the shift dashboard's screenshot, pull logs): npx playwright show-report.
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testMatch: /\.web\.spec\.ts$/,
      use: { browserName: 'chromium', launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
    },
    {
      name: 'desktop',
      testMatch: /\.electron\.spec\.ts$/,
    },
  ],
});
