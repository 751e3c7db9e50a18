import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

/** The demo seed's archive: 200 shift tickets, then 20 finished months ago (outside the 30-day window). */
const ARCHIVED = 'tkt_000205';
const ALSO_ARCHIVED = 'tkt_000207';

test.describe('tickets older than the sync window', () => {
  test('are not downloaded, are found on the server, open on demand, and open from a link', async ({
    agent,
    openConsole,
  }) => {
    const { page } = agent;
    // Not on the device: the window holds active and recent tickets only.
    const held = (id: string) =>
      page.evaluate(
        (ticketId) =>
          new Promise<boolean>((resolve, reject) => {
            const open = indexedDB.open('shiftdesk-wsp_demo-usr_agent');
            open.onerror = () => reject(new Error('cannot open the local database'));
            open.onsuccess = () => {
              const request = open.result.transaction('tickets').objectStore('tickets').get(ticketId);
              request.onsuccess = () => {
                resolve(request.result !== undefined);
                open.result.close();
              };
            };
          }),
        id,
      );
    expect(await held(ARCHIVED)).toBe(false);
    expect(await held('tkt_000001')).toBe(true);

    await page.getByRole('button', { name: 'Older tickets…' }).click();
    await page.getByLabel('Subject, requester or ticket id').fill(ARCHIVED);
    await page.getByRole('button', { name: 'Search' }).click();
    const result = page.getByTestId('archive-search').getByRole('listitem');
    await expect(result).toHaveCount(1);
    await expect(result).toContainText(/Solved|Closed/);
    await result.getByRole('button').click();

    // Fetched with its history, shown in the detail pane, and its link in the address bar.
    await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', ARCHIVED);
    await expect(page.getByTestId('detail-status')).toHaveText(/Solved|Closed/);
    expect(new URL(page.url()).pathname).toBe(`/tickets/${ARCHIVED}`);
    expect(await held(ARCHIVED)).toBe(true);

    // A teammate opening a link to another archived ticket gets it straight from the server.
    const lead = await openConsole(DEMO.lead.email);
    await lead.page.goto(new URL(`/tickets/${ALSO_ARCHIVED}`, page.url()).toString());
    await expect(lead.page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', ALSO_ARCHIVED);
    await expect(lead.page.getByTestId('detail-status')).toHaveText(/Solved|Closed/);
    expect([...agent.pageErrors, ...lead.pageErrors]).toEqual([]);
  });
});
