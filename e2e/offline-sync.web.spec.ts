import { expect, test } from '@playwright/test';
import { ConsolePage } from './fixtures/console-page.ts';
import { ServerProcess } from '../tooling/server-process.ts';

const KEY_FOR = { urgent: '1', high: '2', normal: '3', low: '4' } as const;

test.describe('offline-first triage', () => {
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
    const console = new ConsolePage(page);
    await page.goto(server.url);
    await console.signIn('agent@demo.shiftdesk.test');
    await console.waitForSyncedQueue();
    await console.waitForOfflineReady();
    const { token } = await server.login('lead@demo.shiftdesk.test');

    // Online: a change syncs straight away.
    await page.keyboard.press('j');
    const onlineTicket = await console.selectedTicketId();
    const onlineTarget = (await server.fetchTicket(token, onlineTicket)).priority === 'urgent' ? 'low' : 'urgent';
    await page.keyboard.press(KEY_FOR[onlineTarget]);
    await expect(console.detailPriority()).toHaveText(onlineTarget, { ignoreCase: true });
    await expect(console.pending()).toHaveText('0 pending');
    await expect.poll(async () => (await server.fetchTicket(token, onlineTicket)).priority).toBe(onlineTarget);

    // The server goes away; the agent keeps working.
    await server.stop();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const offlineTicket = await console.selectedTicketId();
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
    await expect(console.row(offlineTicket)).not.toContainText('unsynced');
    await expect(page.getByTestId('sync-connection')).toHaveText('Online');
    expect(console.pageErrors).toEqual([]);
  });
});
