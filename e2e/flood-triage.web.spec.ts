import { IntakeClient } from './fixtures/intake.ts';
import { ConversationView, expect, test } from './fixtures/conversation.ts';
import { ReplyRecipients, floodRequester } from './fixtures/floods.ts';
import { serverRows } from './fixtures/server-rows.ts';
import { MacrosUi } from './fixtures/macros.ts';
import { watchMouse } from './fixtures/mouse-watch.ts';

test.use({ serverOptions: { tickets: 20 }, viewport: { width: 1400, height: 1000 } });

/** The same fault, told 35 ways: what a launch-night flood looks like. */
const LOOK_ALIKES = [
  ['Cannot log in after the 4.12 update', 'Since updating to 4.12 this evening the login page just reloads.'],
  ['Login broken since update', 'After the 4.12 update I cannot log in anymore, the page spins and returns to login.'],
  ['login fails after updating', 'Updated the app to 4.12 and now login fails every time. Password is correct.'],
  ['Can’t sign in after 4.12', 'Sign in loops back to the login screen after the 4.12 update.'],
  ['URGENT login not working', 'None of our drivers can log in since the update to 4.12 tonight.'],
] as const;

const OTHERS = [
  ['Invoice PDF shows old logo', 'Our invoices still show the logo we replaced last month.'],
  ['CSV export dates in US format', 'The export writes 03/04/2026, we need ISO dates.'],
  ['Add a second billing contact', 'Please add our finance team as a billing contact.'],
  ['Map does not show new depot', 'The depot we added yesterday is missing on the tracking map.'],
  ['Webhook sends each event twice', 'Our endpoint receives every shipment.updated event twice.'],
] as const;

/**
 * Must show 1 of issue 11: a 50-ticket flood arrives through the intake API
 * and one agent, keyboard only, sees the banner, raises the look-alikes'
 * priority, merges ten duplicates into one ticket, links the cluster to a new
 * problem and answers every merged requester with one macro reply. The
 * server's copy is the judge.
 */
test('an agent turns a 50-ticket flood into one problem with the keyboard only', async ({
  agent,
  server,
  serverApi,
  conversationApi,
}) => {
  test.setTimeout(180_000);
  const { page } = agent;
  const mouseEvents = await watchMouse(page);
  const intake = await IntakeClient.create(server);
  const flood: string[] = [];
  const others: string[] = [];
  for (let index = 0; index < 50; index++) {
    const lookAlike = index % 10 < 7; // 35 of the 50
    const [subject, body] = lookAlike
      ? (LOOK_ALIKES[index % LOOK_ALIKES.length] ?? LOOK_ALIKES[0])
      : (OTHERS[index % OTHERS.length] ?? OTHERS[0]);
    const created = await intake.ticket({ subject, body, requester: floodRequester(index), priority: 'normal' });
    (lookAlike ? flood : others).push(created.id);
  }

  // The banner says what is happening. It appears as soon as the inflow is a flood, and its figures
  // grow while the rest syncs in: wait for the whole flood (every ticket in, most look-alikes grouped).
  const summary = page.getByTestId('flood-summary');
  const figure = async (pattern: RegExp) => Number((await summary.textContent())?.match(pattern)?.[1] ?? 0);
  await expect(summary).toContainText(/\d+ new tickets in 20 min/, { timeout: 60_000 });
  await expect.poll(() => figure(/(\d+) new tickets/), { timeout: 60_000 }).toBeGreaterThanOrEqual(50);
  await expect.poll(() => figure(/(\d+) look like/), { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
  const lookAlikes = await figure(/(\d+) look like/);

  // Shift+F picks the look-alikes; 2 raises them all to High.
  const list = page.getByTestId('queue-list');
  await list.focus();
  await page.keyboard.press('Shift+F');
  await expect(page.getByTestId('selection-count')).toHaveText(`${lookAlikes} selected`);
  await page.keyboard.press('2');
  await expect(page.getByTestId('flash')).toContainText('Priority set to High');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-bar')).toHaveCount(0);

  // Ten duplicates merged into an eleventh: search, pick ten, cursor on the keeper, Shift+M.
  await page.keyboard.press('/');
  await page.keyboard.type('login 4.12');
  await expect(page.getByTestId('queue-view-name')).toHaveText('Search: login 4.12');
  await expect(list.getByRole('option').nth(10)).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('x');
  for (let step = 0; step < 9; step++) await page.keyboard.press('j');
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('selection-count')).toHaveText('10 selected');
  const duplicates = await list
    .locator('[role="option"][aria-selected="true"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket-id') ?? ''));
  await page.keyboard.press('j');
  const detail = page.getByTestId('ticket-detail');
  const keeperId = (await detail.getAttribute('data-ticket-id')) ?? '';
  expect(duplicates).not.toContain(keeperId);
  await page.keyboard.press('Shift+M');
  await expect(page.getByTestId('flash')).toContainText('Merged 10 tickets into #');
  await expect(detail.getByTestId('merged-tickets')).toContainText('Merged into this ticket (10)');

  // The cluster becomes a problem: Shift+L, the title is suggested, Enter.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('queue-view-name')).not.toContainText('Search');
  await page.keyboard.press('Shift+L');
  const dialog = page.getByTestId('problem-dialog');
  await expect(dialog.getByTestId('problem-title')).toBeFocused();
  const title = await dialog.getByTestId('problem-title').inputValue();
  expect(title.length).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flash')).toContainText('Linked');
  await expect(dialog).toHaveCount(0);

  // One macro reply on the keeper reaches every merged requester.
  await expect(detail).toHaveAttribute('data-ticket-id', keeperId);
  await expect(detail.getByTestId('problem-summary')).toContainText(title);
  await list.focus();
  const macros = new MacrosUi(agent);
  await macros.openPicker();
  await macros.preview('Acknowledge and take it');
  await page.keyboard.press('Enter');
  const view = new ConversationView(page);
  await expect(view.text()).toBeFocused();
  await view.send();
  await expect(view.messages().filter({ has: page.getByTestId('reply-recipients') })).toContainText('to 11 requesters');
  await expect(agent.pending()).toHaveAttribute('data-pending', '0');

  // The server's copy.
  const keeper = await serverApi.ticket(keeperId);
  expect(new Set(keeper.merged?.map((entry) => entry.ticketId))).toEqual(new Set(duplicates));
  for (const id of duplicates) {
    const duplicate = await serverApi.ticket(id);
    expect(duplicate.status).toBe('closed');
    expect(duplicate.mergedInto?.ticketId).toBe(keeperId);
  }
  const problems = await serverRows(server, 'problem');
  const problem = problems.find((candidate) => candidate.id === keeper.problemId);
  expect(problem?.title).toBe(title);
  // The look-alikes still standing are linked, the merged ones through their keeper.
  expect(problem?.ticketCount).toBeGreaterThanOrEqual(lookAlikes);
  expect(problem?.affectedCustomers).toBeGreaterThanOrEqual(lookAlikes);
  const priorities = await Promise.all([...flood, ...others].map((id) => serverApi.ticket(id)));
  const high = priorities.filter((ticket) => ticket.priority === 'high').map((ticket) => ticket.id);
  expect(high.filter((id) => flood.includes(id))).toHaveLength(lookAlikes);
  expect(
    high.filter((id) => others.includes(id)),
    'a ticket about something else was swept up',
  ).toEqual([]);
  const replies = (await conversationApi.messages(keeperId)).filter((message) => message.kind === 'reply');
  expect(replies).toHaveLength(1);
  const recipients = ReplyRecipients.parse(replies[0]?.recipients);
  expect(new Set(recipients.map((recipient) => recipient.ticketId))).toEqual(new Set([keeperId, ...duplicates]));
  expect(new Set(recipients.map((recipient) => recipient.email)).size).toBe(11);
  expect(await mouseEvents()).toBe(0);
});
