import { readFile } from 'node:fs/promises';
import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

const PRIORITY_KEYS = { Urgent: '1', High: '2', Normal: '3', Low: '4' } as const;
type PriorityLabel = keyof typeof PRIORITY_KEYS;

test.describe('signing out with unsynced changes', () => {
  test('warns, exports the change to a file, and waiting signs out once the change has reached the server', async ({
    offlineAgent: agent,
    serverApi,
  }) => {
    const ticketId = await agent.selectNext();
    const target: PriorityLabel = (await agent.detailPriority().innerText()) === 'Urgent' ? 'Low' : 'Urgent';
    await agent.page.keyboard.press(PRIORITY_KEYS[target]);
    await expect(agent.pending()).toHaveText('1 pending');

    await agent.signOut();
    const guard = agent.page.getByTestId('sign-out-guard');
    await expect(guard).toBeVisible();
    await expect(guard).toContainText('1 change has not reached the server yet');

    // Export: a file with exactly the waiting change, under this device's identity.
    const [download] = await Promise.all([
      agent.page.waitForEvent('download'),
      guard.getByRole('button', { name: 'Export changes to a file' }).click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      format: string;
      user: { id: string };
      changes: { name: string; args: unknown }[];
    };
    expect(file).toMatchObject({ format: 'shiftdesk/unsynced-changes', user: { id: DEMO.agent.id } });
    expect(file.changes).toEqual([
      expect.objectContaining({ name: 'setPriority', args: { ticketId, priority: target.toLowerCase() } }),
    ]);
    await expect(guard).toBeVisible();

    // Wait: nothing can be sent while offline, so the dialog stays and says it is waiting...
    await guard.getByRole('button', { name: 'Wait for sync, then sign out' }).click();
    await expect(guard.getByRole('status')).toHaveText(/Waiting for sync/);
    await expect(guard.getByRole('button', { name: 'Wait for sync, then sign out' })).toBeDisabled();
    expect((await serverApi.ticket(ticketId)).priority).not.toBe(target.toLowerCase());

    // ...and once the network is back and the change is confirmed, it signs out by itself.
    await agent.page.context().setOffline(false);
    await expect(agent.signInScreen()).toBeVisible({ timeout: 30_000 });
    expect((await serverApi.ticket(ticketId)).priority).toBe(target.toLowerCase());
    // Signed out for good: a reload lands on the sign-in screen, not back in the console.
    await agent.page.reload();
    await expect(agent.signInScreen()).toBeVisible();
    expect(agent.pageErrors).toEqual([]);
  });

  test('signing out anyway keeps the change on the device; it syncs at the next sign-in', async ({
    offlineAgent: agent,
    serverApi,
  }) => {
    const ticketId = await agent.selectNext();
    const target: PriorityLabel = (await agent.detailPriority().innerText()) === 'High' ? 'Low' : 'High';
    await agent.page.keyboard.press(PRIORITY_KEYS[target]);
    await expect(agent.pending()).toHaveText('1 pending');

    // Stay signed in closes the warning and changes nothing.
    await agent.signOut();
    const guard = agent.page.getByTestId('sign-out-guard');
    await guard.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(guard).toHaveCount(0);
    await expect(agent.page.getByTestId('signed-in-user')).toHaveText(`${DEMO.agent.name} · agent`);

    await agent.signOut();
    await guard.getByRole('button', { name: 'Sign out anyway' }).click();
    await expect(agent.signInScreen()).toBeVisible();
    expect((await serverApi.ticket(ticketId)).priority).not.toBe(target.toLowerCase());

    await agent.page.context().setOffline(false);
    await agent.signIn(DEMO.agent.email);
    await expect.poll(async () => (await serverApi.ticket(ticketId)).priority).toBe(target.toLowerCase());
    await expect(agent.pending()).toHaveText('0 pending');
    await agent.openTicket(ticketId);
    await expect(agent.detailPriority()).toHaveText(target);

    // With nothing waiting, signing out needs no warning.
    await agent.signOut();
    await expect(agent.signInScreen()).toBeVisible();
    await expect(guard).toHaveCount(0);
    expect(agent.pageErrors).toEqual([]);
  });
});
