import { resolve } from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import { databaseName } from '../../renderer/src/db/shiftdesk-db.ts';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from '../../server/seed/demo-content.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tooling/chromium.ts';

export interface DemoUser {
  id: string;
  email: string;
}

/** A demo account by role (the demo seed has one per role). */
export function demoUser(role: 'agent' | 'analyst' | 'lead'): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`the demo seed has no ${role}`);
  return user;
}

/** Dexie's UMD build, injected into pages (contexts made with `bypassCSP`) for raw-IndexedDB baselines. */
export const DEXIE_UMD = resolve(import.meta.dirname, '..', '..', 'node_modules', 'dexie', 'dist', 'dexie.js');

export const BOOTSTRAP_START_MARK = 'shiftdesk:bootstrap-start';
export const BOOTSTRAP_DONE_MARK = 'shiftdesk:bootstrap-done';
export const QUEUE_PAINTED_MARK = 'shiftdesk:queue-painted';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The local database the app keeps for a demo user. */
export function localDatabaseName(user: DemoUser): string {
  return databaseName(DEMO_WORKSPACE.id, user.id);
}

/** Fills the sign-in form; `submit` clicks Sign in (the caller may want to start a clock first). */
export async function fillSignIn(page: Page, user: DemoUser): Promise<{ submit: () => Promise<void> }> {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  return { submit: () => page.getByRole('button', { name: 'Sign in' }).click() };
}

export function waitForMark(page: Page, name: string, timeoutMs: number): Promise<unknown> {
  return page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, {
    timeout: timeoutMs,
    polling: 50,
  });
}

/** Waits until the console shows a synced queue with the connection up. */
export async function waitForSyncedConsole(page: Page, timeoutMs = 600_000): Promise<void> {
  await page
    .getByTestId('sync-last')
    .filter({ hasText: /^synced/ })
    .waitFor({ timeout: timeoutMs });
  await page.getByTestId('sync-connection').filter({ hasText: 'Online' }).waitFor({ timeout: timeoutMs });
}

/** Goes to a view with its `g` key and waits until the queue names it. */
export async function showView(page: Page, key: string, name: string): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.press(key);
  await page
    .getByTestId('queue-view-name')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .waitFor();
}

/**
 * Sorts the view on screen from the filter bar (`f`, the Sort select), then
 * leaves with Esc, which returns to the list so the next keys act on tickets.
 */
export async function sortFromFilterBar(page: Page, sortValue: string): Promise<void> {
  await page.keyboard.press('f');
  const sort = page
    .locator('.filter-bar__field', { has: page.locator('label', { hasText: /^Sort$/ }) })
    .locator('select');
  await sort.selectOption(sortValue);
  await sort.press('Escape');
  await page.locator('#queue-filters').waitFor({ state: 'detached' });
}

/**
 * Shows All active, oldest first: an order a priority change never
 * reshuffles, so two consoles moving with `j` stay on the same tickets.
 */
export async function showStableQueue(page: Page): Promise<void> {
  await showView(page, 'a', 'All active');
  await sortFromFilterBar(page, 'oldest');
  await page.keyboard.press('Home');
}
