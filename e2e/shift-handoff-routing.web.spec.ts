import { IntakeClient } from './fixtures/intake.ts';
import { type ConsolePage, DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

/**
 * Must show 4 of issue 13, "nothing waits on an empty chair": the agent ends
 * a shift holding 5 open tickets and hands them, in one step, to the one
 * other person on shift (Priya, an analyst covering as an agent); then a
 * customer writes on a ticket the off-shift agent holds, and the server
 * routes it to Priya. Asserted through the API and on screen.
 */
// A server of its own: shifts left running here would route other specs' tickets (customer messages on an
// off-shift owner's ticket go to whoever is on shift), and Playwright shares a server only between equal options.
test.use({ serverOptions: { tickets: 30, env: { SHIFTDESK_E2E_SERVER_FOR: 'shift-handoff-routing' } } });

async function startShift(console: ConsolePage, workAs?: string): Promise<void> {
  await console.page.getByRole('button', { name: 'Start shift' }).click();
  const dialog = console.page.getByRole('dialog', { name: 'Start your shift' });
  if (workAs) await dialog.getByLabel('Work as').selectOption({ label: workAs });
  await dialog.getByRole('button', { name: 'Start the shift' }).click();
  await expect(console.page.getByTestId('shift-until')).toContainText('On shift until');
}

/** Searches the queue for `text` and leaves the cursor on the first of `count` results. */
async function search(console: ConsolePage, text: string, count: number): Promise<void> {
  const list = console.page.getByTestId('queue-list');
  await list.focus();
  await console.page.keyboard.press('/');
  await console.page.keyboard.press('ControlOrMeta+a'); // a search already typed is replaced
  await console.page.keyboard.type(text);
  await expect(list.getByRole('option')).toHaveCount(count);
  await console.page.keyboard.press('Enter');
}

test('ending a shift hands 5 open tickets to the agent on shift; a customer writing to the off-shift agent reaches her', async ({
  agent,
  analyst,
  lead,
  server,
  serverApi,
}) => {
  test.setTimeout(60_000);
  const intake = await IntakeClient.create(server);
  const tag = `handoff${Date.now().toString(36)}`;
  const customer = { email: 'ops@kestrelfreight.example', name: 'Ola Berg' };
  const created = await Promise.all(
    [1, 2, 3, 4, 5].map((n) =>
      intake.ticket({ subject: `Tracking map blank ${tag} ${n}`, body: 'Blank since 02:00.', requester: customer }),
    ),
  );
  const handed = created.map((ticket) => ticket.id);

  // Priya, an analyst, covers the queue as an agent tonight; Sam starts his shift too.
  await startShift(analyst, 'Agent');
  await startShift(agent);

  // Sam claims the five (select all results, c).
  await search(agent, tag, 5);
  await agent.page.keyboard.press('Shift+A');
  await expect(agent.page.getByTestId('selection-count')).toHaveText('5 selected');
  await agent.page.keyboard.press('c');
  await agent.page.keyboard.press('Shift+N');
  await expect(agent.page.getByTestId('selection-count')).toHaveCount(0);
  for (const id of handed) {
    await expect.poll(async () => (await serverApi.ticket(id)).assigneeId).toBe(DEMO.agent.id);
  }

  // The lead's Team screen says who is on shift, as what, until when.
  await lead.openScreen('Team');
  const team = lead.page.getByTestId('team-table');
  await expect(team.getByRole('row').filter({ hasText: DEMO.analyst.name })).toContainText(/As Agent until \d\d:\d\d/);
  await expect(team.getByRole('row').filter({ hasText: DEMO.agent.name })).toContainText(/On shift until \d\d:\d\d/);

  // End shift: the dialog offers all five to Priya, the one on shift.
  await agent.page.getByRole('button', { name: 'End shift' }).click();
  const dialog = agent.page.getByTestId('end-shift-dialog');
  await expect(dialog.getByTestId('end-shift-summary')).toHaveText('You hold 5 open tickets.');
  await expect(dialog.getByLabel('Hand them to')).toContainText(`${DEMO.analyst.name} — Agent, 0 open, on shift until`);
  await dialog.getByRole('button', { name: 'Hand over 5 and end shift' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(agent.page.getByRole('button', { name: 'Start shift' })).toBeVisible();

  for (const id of handed) {
    await expect.poll(async () => (await serverApi.ticket(id)).assigneeId).toBe(DEMO.analyst.id);
  }
  await analyst.openTicket(handed[0]!);
  await expect(analyst.detailAssignee()).toHaveText('you');
  await expect(lead.page.getByTestId('team-table').getByRole('row').filter({ hasText: DEMO.agent.name })).toContainText(
    'Not on shift',
  );

  // Off shift, Sam still holds one ticket; its customer writes again, and the server hands it to Priya.
  const other = `routed${Date.now().toString(36)}`;
  const later = await intake.ticket({
    subject: `Label printer offline ${other}`,
    body: 'Since 03:00.',
    requester: customer,
  });
  await search(agent, other, 1);
  await agent.page.keyboard.press('c');
  await expect.poll(async () => (await serverApi.ticket(later.id)).assigneeId).toBe(DEMO.agent.id);
  await intake.message(later.number, { from: customer, body: 'Still blank. Anyone there?' });
  expect((await serverApi.ticket(later.id)).assigneeId).toBe(DEMO.analyst.id);
  await expect(agent.detailAssignee()).toHaveText(DEMO.analyst.name);

  expect([...agent.pageErrors, ...analyst.pageErrors, ...lead.pageErrors]).toEqual([]);
});
