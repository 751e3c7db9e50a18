import { type Page, expect, test } from '@playwright/test';
import { ConsolePage } from './fixtures/console-page.ts';
import { ServerProcess } from '../tooling/server-process.ts';

const KEY_FOR = { urgent: '1', high: '2', normal: '3', low: '4' } as const;

test.describe('offline-first triage', () => {
  // Each test starts and stops a server of its own: they may run on two workers at once, and this file
  // (over two minutes in all) then no longer sets the suite's last minutes.
  test.describe.configure({ mode: 'parallel' });

  /** Signs the demo agent in and waits until the queue is synced and the app shell works offline. */
  const openAgentConsole = async (page: Page): Promise<ConsolePage> => {
    const console = new ConsolePage(page);
    await page.goto(server.url);
    await console.signIn('agent@demo.shiftdesk.test');
    await console.waitForSyncedQueue();
    await console.waitForOfflineReady();
    return console;
  };

  let server: ServerProcess;
  test.beforeEach(async () => {
    server = await ServerProcess.start();
  });
  test.afterEach(async () => {
    await server.dispose();
  });

  test('a priority change made while the server is down survives a reload and reaches the server when it returns', async ({
    page,
  }) => {
    const console = await openAgentConsole(page);
    const { token } = await server.login('lead@demo.shiftdesk.test');

    // Online: a change syncs straight away.
    const onlineTicket = await console.selectNext();
    const onlineTarget = (await server.fetchTicket(token, onlineTicket)).priority === 'urgent' ? 'low' : 'urgent';
    await page.keyboard.press(KEY_FOR[onlineTarget]);
    await expect(console.detailPriority()).toHaveText(onlineTarget, { ignoreCase: true });
    await expect.poll(async () => (await server.fetchTicket(token, onlineTicket)).priority).toBe(onlineTarget);
    await expect(console.detailUnsynced()).toHaveCount(0);
    await expect(console.pending()).toHaveText('0 pending');

    // The server goes away; the agent keeps working.
    await server.stop();
    await console.selectFirst();
    const offlineTicket = await console.selectNext();
    expect(offlineTicket).not.toBe(onlineTicket);
    const before = await console.detailPriority().innerText();
    const offlineTarget = before.toLowerCase() === 'high' ? 'low' : 'high';
    await page.keyboard.press(KEY_FOR[offlineTarget]);
    await expect(console.detailPriority()).toHaveText(offlineTarget, { ignoreCase: true });
    await expect(console.pending()).toHaveText('1 pending');
    await expect(page.getByTestId('sync-connection')).toHaveText('Offline');

    // Reload with the server still down: the app shell comes from the service
    // worker, the queue and the pending change from IndexedDB.
    await page.reload();
    await expect(console.pending()).toHaveText('1 pending');
    await console.openTicket(offlineTicket);
    await expect(console.detailPriority()).toHaveText(offlineTarget, { ignoreCase: true });
    await expect(console.row(offlineTicket)).toContainText('unsynced');

    // The server returns: the outbox drains and the change is on the server.
    await server.startAgain();
    await expect(console.pending()).toHaveText('0 pending', { timeout: 30_000 });
    expect((await server.fetchTicket(token, offlineTicket)).priority).toBe(offlineTarget);
    await expect(console.detailUnsynced()).toHaveCount(0);
    await expect(page.getByTestId('sync-connection')).toHaveText('Online');
    expect(console.pageErrors).toEqual([]);
  });

  test('when the server comes back with its data wiped, the app starts over and still delivers the pending change', async ({
    page,
  }) => {
    const console = await openAgentConsole(page);

    // One change the server confirms, so this device knows the server has seen it...
    const confirmedTicket = await console.selectNext();
    const confirmedTarget = (await console.detailPriority().innerText()) === 'Low' ? 'normal' : 'low';
    await page.keyboard.press(KEY_FOR[confirmedTarget]);
    await expect(console.detailPriority()).toHaveText(confirmedTarget, { ignoreCase: true });
    const before = await server.login('lead@demo.shiftdesk.test');
    await expect
      .poll(async () => (await server.fetchTicket(before.token, confirmedTicket)).priority)
      .toBe(confirmedTarget);
    await expect(console.detailUnsynced()).toHaveCount(0);
    await expect(console.pending()).toHaveText('0 pending');

    // ...then the server dies, and a change waits on this device.
    await server.stop();
    const pendingTicket = await console.selectFirst();
    expect(pendingTicket).not.toBe(confirmedTicket);
    const target = (await console.detailPriority().innerText()) === 'Urgent' ? 'high' : 'urgent';
    await page.keyboard.press(KEY_FOR[target]);
    await expect(console.pending()).toHaveText('1 pending');

    // The server is rebuilt from scratch (a reset): it knows neither this session nor this device.
    await server.wipeData();
    await server.startAgain();
    await expect(page.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible({ timeout: 30_000 });
    await console.signIn('agent@demo.shiftdesk.test');
    const { token } = await server.login('lead@demo.shiftdesk.test');

    await expect(console.pending()).toHaveText('0 pending', { timeout: 30_000 });
    await expect(page.getByTestId('sync-notice')).toContainText('server lost recent data');
    expect((await server.fetchTicket(token, pendingTicket)).priority).toBe(target);
    await console.openTicket(pendingTicket);
    await expect(console.detailPriority()).toHaveText(target, { ignoreCase: true });
    expect(console.pageErrors).toEqual([]);
  });
});
