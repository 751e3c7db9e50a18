import { CommandPalette } from './fixtures/command-palette.ts';
import { watchMouse } from './fixtures/mouse-watch.ts';
import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

test.use({ viewport: { width: 1400, height: 1000 } });

/**
 * A night-shift agent triages from the keyboard alone: search, open a result,
 * pick ten tickets, change them all at once, take one change back, move
 * between views. The server's copy is the judge.
 */
test('an agent triages with the keyboard only: search, select 10, bulk change, undo, switch views', async ({
  agent,
  serverApi,
}) => {
  const { page } = agent;
  const mouseEvents = await watchMouse(page);
  const list = page.getByTestId('queue-list');

  // Search: / to the box, type, Enter to the results, Enter to open the first.
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search tickets')).toBeFocused();
  await page.keyboard.type('webhook');
  await expect(page.getByTestId('queue-view-name')).toHaveText('Search: webhook');
  await expect(list.getByRole('option').first().locator('mark').first()).toHaveText(/webhook/i);
  await page.keyboard.press('Enter');
  const first = await list.getByRole('option').first().getAttribute('data-ticket-id');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', first ?? '');
  await expect(page.getByTestId('ticket-detail').getByRole('heading', { level: 2 })).toContainText(/webhook/i);

  // Esc leaves the search; g then u goes to Unassigned.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('queue-view-name')).toHaveText('Open');
  await agent.showView('u', 'Unassigned');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  const top = await list.getByRole('option').first().getAttribute('data-ticket-id');
  await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', top ?? '');

  // x on the first, down nine, shift+x: ten tickets picked.
  await page.keyboard.press('x');
  for (let step = 0; step < 9; step++) await page.keyboard.press('j');
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('selection-count')).toHaveText('10 selected');
  const picked = await list
    .locator('[role="option"][aria-selected="true"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket-id') ?? ''));
  expect(picked).toHaveLength(10);

  // 2: all ten to High; a: all ten to me; z: the assignment taken back, the priorities kept.
  await page.keyboard.press('2');
  await expect(page.getByTestId('flash')).toContainText('Priority set to High');
  await page.keyboard.press('a');
  await expect(page.getByTestId('flash')).toContainText('assigned to you');
  await page.keyboard.press('z');
  await expect(page.getByTestId('flash')).toContainText('Undone');

  // The server agrees: ten High tickets, nobody's.
  await expect
    .poll(async () => {
      const tickets = await Promise.all(picked.map((id) => serverApi.ticket(id)));
      return tickets.map((ticket) => `${ticket.priority}/${ticket.assigneeId ?? 'nobody'}`);
    })
    .toEqual(picked.map(() => 'high/nobody'));
  await expect(agent.pending()).toHaveText('0 pending');

  // Views by g-keys, and the palette for one more.
  await agent.showView('m', 'My queue');
  await agent.showView('a', 'All active');
  await new CommandPalette(page).run('Go to triage');
  await expect(page.getByTestId('queue-view-name')).toHaveText('Triage inbox');
  await agent.showView('o', 'Open');

  expect(await mouseEvents()).toBe(0);
  expect(agent.pageErrors).toEqual([]);
  // The agent's own id never appears as an assignee after the undo.
  expect(picked.every((id) => id !== DEMO.agent.id)).toBe(true);
});
