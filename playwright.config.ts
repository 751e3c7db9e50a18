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
  // Two cores: each worker runs a browser and its own server process.
  workers: 2,
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
