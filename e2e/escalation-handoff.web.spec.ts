import { seriousAxeViolations } from './fixtures/axe.ts';
import { expect, test } from './fixtures/conversation.ts';
import { ReplyRecipients } from './fixtures/floods.ts';
import { serverRows } from './fixtures/server-rows.ts';
import { DEMO } from './fixtures/console-page.ts';

// A server of its own: the shift started here would route other specs' tickets to this agent (a customer
// message on an off-shift owner's ticket goes to whoever is on shift); Playwright shares a server only between equal options.
test.use({ serverOptions: { env: { SHIFTDESK_E2E_SERVER_FOR: 'escalation-handoff' } } });

/**
 * Must show 1 and 4 of issue 12: an agent and an analyst in two browser
 * contexts hand one packet back and forth (escalate 3 tickets, a question,
 * its answer, the fix), the agent follows up with every affected customer in
 * one step, and the shift dashboard shows the handoff spread and the
 * analysts' workload (screenshot kept in the report, axe clean).
 */
test('an agent escalates 3 tickets as one packet; the analyst asks, hears back and fixes it; one follow-up reaches every requester', async ({
  agent,
  analyst,
  server,
  serverApi,
  conversationApi,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = agent;
  const tag = `pdf${Date.now().toString(36)}`;
  const requesters = ['ana', 'bo', 'chen'].map((name, index) => ({
    email: `${name}@escalated${index}.example`,
    name: `${name[0]!.toUpperCase()}${name.slice(1)} Customer`,
  }));
  const tickets: string[] = [];
  for (const [index, requester] of requesters.entries()) {
    const created = await conversationApi.createTicket({
      subject: `Invoice PDF export is blank ${tag}`,
      body: `Exporting invoice ${4100 + index} to PDF gives a white page since this morning (web app, Chrome 131).`,
      ...requester,
    });
    tickets.push(created.id);
  }

  // The agent starts a shift, so pacing and the dashboard have one to measure.
  await page.getByRole('button', { name: 'Start shift' }).click();
  await page.getByRole('dialog', { name: 'Start your shift' }).getByRole('button', { name: 'Start the shift' }).click();
  await expect(page.getByTestId('shift-until')).toContainText('On shift until');

  // Pick the three by searching for them, then Shift+E: a draft packet, linked to all three.
  const list = page.getByTestId('queue-list');
  await list.focus();
  await page.keyboard.press('/');
  await page.keyboard.type(tag);
  await expect(list.getByRole('option')).toHaveCount(3);
  await page.keyboard.press('Enter');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await page.keyboard.press('Shift+E');
  const editor = page.getByTestId('packet-editor');
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('3 tickets');
  await expect(editor.getByLabel('Summary')).toHaveValue(new RegExp(tag));
  await expect(editor.getByTestId('packet-send')).toBeDisabled();

  // Filled in; the moment nothing is missing, Send is the default, and Ctrl+Enter sends it to Priya.
  await editor.getByLabel('Severity').selectOption({ label: 'SEV3 · Minor' });
  await editor.getByLabel('Steps to reproduce').fill('Open Invoices, pick any invoice from today, Export → PDF.');
  await editor.getByLabel('Expected').fill('A PDF with the invoice lines');
  await editor.getByLabel('What happened instead').fill('A blank white PDF page, 1 KB');
  await editor.getByLabel('Environment').fill('Web app, Chrome 131, EU region');
  await editor.getByLabel('Already tried').fill('Other browsers, clearing the cache: same blank PDF');
  await expect(editor.getByTestId('packet-send')).toBeEnabled();
  await editor.getByLabel('Send to').selectOption(DEMO.analyst.id);
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);

  // The analyst's console has it; she acknowledges and asks the agent something.
  await analyst.openScreen('Escalations');
  const packet = analyst.page.getByTestId('analyst-console-list').getByRole('option').filter({ hasText: tag });
  await packet.click();
  const detail = analyst.page.getByTestId('escalation-detail');
  await expect(detail).toContainText('3 tickets');
  await detail.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(detail.getByTestId('escalation-status')).toContainText('Acknowledged');
  await detail.getByRole('button', { name: 'Ask the agent' }).click();
  await detail.getByLabel('Question for the agent').fill('Does it happen for credit notes too?');
  await detail.getByRole('button', { name: 'Send question' }).click();
  await expect(detail.getByTestId('escalation-status')).toContainText('Waiting on the agent');

  // The question lands on the agent's screen; the agent answers from it.
  const notice = page.getByRole('region', { name: 'Question from an analyst' });
  await expect(notice).toContainText('Does it happen for credit notes too?');
  await expect(page.getByRole('button', { name: /^Notifications \([1-9]\d* unread\)$/ })).toBeVisible();
  await notice.getByRole('button', { name: 'Answer', exact: true }).click();
  await page.getByLabel('Your answer').fill('Yes, credit notes export blank as well.');
  await page.getByRole('button', { name: 'Send answer' }).click();

  // The analyst sees the answer and marks it fixed, with a note for customers.
  await expect(detail).toContainText('Yes, credit notes export blank as well.');
  const note = 'We fixed the PDF export; invoices and credit notes download complete again.';
  await detail.getByLabel('Resolution note (customers see this)').fill(note);
  await detail.getByRole('button', { name: 'Mark fixed' }).click();
  await expect(detail.getByTestId('escalation-status')).toContainText('Fixed');

  // The agent follows up with all three customers in one step.
  await agent.openScreen('Escalations');
  await page.getByTestId('my-packets-list').getByRole('option').filter({ hasText: tag }).click();
  await page.getByRole('button', { name: 'Follow up with all 3 affected customers' }).click();
  const followUp = page.getByTestId('follow-up-dialog');
  await expect(followUp.getByLabel('Reply')).toHaveValue(new RegExp(note.slice(0, 30)));
  await followUp.getByRole('button', { name: 'Send to 3 customers' }).click();
  await expect(page.getByTestId('flash')).toContainText('Replied on 3 tickets; moved to Solved');
  await expect(followUp).toHaveCount(0);
  await expect(agent.pending()).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  // Through the API: the packet's whole story, and one reply on each ticket to its own requester.
  const [escalation] = (await serverRows(server, 'escalation')).filter((row) => row.summary.includes(tag));
  expect(escalation).toMatchObject({
    status: 'fixed',
    createdBy: DEMO.agent.id,
    analystId: DEMO.analyst.id,
    impact: { tickets: 3, customers: 3 },
    resolution: { outcome: 'fixed', note },
    followUp: { tickets: 3 },
  });
  expect(new Set(escalation?.ticketIds)).toEqual(new Set(tickets));
  expect(escalation?.questions).toMatchObject([
    { text: 'Does it happen for credit notes too?', answer: 'Yes, credit notes export blank as well.' },
  ]);
  for (const [index, id] of tickets.entries()) {
    const replies = (await conversationApi.messages(id)).filter((message) => message.kind === 'reply');
    expect(replies, `ticket ${index + 1}`).toHaveLength(1);
    expect(replies[0]?.body).toContain(note);
    const recipients = ReplyRecipients.parse(replies[0]?.recipients);
    expect(recipients.map((recipient) => recipient.email)).toContain(requesters[index]!.email);
    expect((await serverApi.ticket(id)).status).toBe('solved');
  }

  // The shift dashboard: the handoff spread of the shift so far and the analysts' workload.
  await agent.openScreen('Shift');
  const board = page.getByTestId('shift-board');
  await expect(board.getByRole('row').filter({ hasText: DEMO.agent.name })).toContainText(/handoff/i);
  await expect(
    page.getByTestId('analyst-workload').getByRole('row').filter({ hasText: DEMO.analyst.name }),
  ).toBeVisible();
  await testInfo.attach('shift-dashboard.png', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await agent.openScreen('Escalations');
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(agent.pageErrors).toEqual([]);
  expect(analyst.pageErrors).toEqual([]);
});
