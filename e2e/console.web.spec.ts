import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './fixtures/axe.ts';
import { HealthResponse } from '#shared/api/health';
import { ConsolePage } from './fixtures/console-page.ts';
import { ServerProcess } from '../tooling/server-process.ts';

test.describe('web mode', () => {
  let server: ServerProcess;
  test.beforeAll(async () => {
    server = await ServerProcess.start();
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  test('serves health, the login screen, and after sign-in the seeded queue', async ({ page, request }) => {
    const health = HealthResponse.parse(await (await request.get(`${server.url}/api/v1/health`)).json());
    expect(health).toMatchObject({ ok: true, db: 'pglite' });

    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Shiftdesk' })).toBeVisible();
    const console = new ConsolePage(page);
    await console.signIn('agent@demo.shiftdesk.test');
    await console.waitForSyncedQueue();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Sam Rivera · agent');
    const count = Number((await page.getByTestId('queue-count').innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThan(100); // 200 seeded, solved ones are not in the queue
    await expect(console.rows().first()).toBeVisible();
  });

  test('has no serious or critical accessibility violations on the login and queue screens', async ({ page }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Shiftdesk' })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const console = new ConsolePage(page);
    await console.signIn('lead@demo.shiftdesk.test');
    await console.waitForSyncedQueue();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The dialogs of the console: the sync panel and the archive search.
    await page.getByRole('button', { name: 'Sync details' }).click();
    await expect(page.getByTestId('sync-panel')).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('sync-panel')).toHaveCount(0);
    // Focus returns to the button that opened it.
    await expect(page.getByRole('button', { name: 'Sync details' })).toBeFocused();
    await page.getByRole('button', { name: 'Older tickets…' }).click();
    await expect(page.getByTestId('archive-search')).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('explains a wrong password and an unreachable server', async ({ page }) => {
    await page.goto(server.url);
    const console = new ConsolePage(page);
    await console.signIn('agent@demo.shiftdesk.test', 'wrong-password');
    await expect(page.getByTestId('login-error')).toHaveText(/do not match/);

    await page.route('**/api/v1/auth/login', (route) => route.abort('connectionrefused'));
    await console.signIn('agent@demo.shiftdesk.test');
    await expect(page.getByTestId('login-error')).toHaveText(/Can’t reach the Shiftdesk server/);
  });

  test('shows customer-written markup as text and never runs it', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url);
    const console = new ConsolePage(page);
    await console.signIn('analyst@demo.shiftdesk.test');
    await console.waitForSyncedQueue();

    await console.openTicketWith('Email template shows raw HTML');
    const body = page.getByRole('article', { name: 'Customer message' });
    await expect(body).toContainText('<img src=x onerror="alert(1)">');
    await expect(body.locator('img, b')).toHaveCount(0);
    expect(dialogs).toEqual([]);
    expect(console.pageErrors).toEqual([]);
  });

  test('one agent’s change appears on another agent’s screen without a reload', async ({ browser }) => {
    const [agentContext, leadContext] = await Promise.all([browser.newContext(), browser.newContext()]);
    try {
      const agent = new ConsolePage(await agentContext.newPage());
      const lead = new ConsolePage(await leadContext.newPage());
      for (const [console, email] of [
        [agent, 'agent@demo.shiftdesk.test'],
        [lead, 'lead@demo.shiftdesk.test'],
      ] as const) {
        await console.page.goto(server.url);
        await console.signIn(email);
        await console.waitForSyncedQueue();
      }
      const ticketId = await agent.selectNext();
      await lead.row(ticketId).click();
      const current = (await lead.detailPriority().innerText()).toLowerCase();
      const target = current === 'normal' ? 'low' : 'normal';
      await agent.page.keyboard.press(target === 'normal' ? '3' : '4');
      await expect(lead.detailPriority()).toHaveText(target, { ignoreCase: true, timeout: 5_000 });
      await expect(lead.page.getByRole('listitem').filter({ hasText: 'Sam Rivera changed priority' })).toBeVisible();
    } finally {
      await Promise.all([agentContext.close(), leadContext.close()]);
    }
  });
});
