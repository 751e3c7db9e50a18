import { readFile } from 'node:fs/promises';
import { seriousAxeViolations } from './fixtures/axe.ts';
import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';
import { HandoverPage } from './fixtures/handover.ts';
import { serverRows } from './fixtures/server-rows.ts';

/**
 * Issue 13, must-show 1, 3 and 5, in one shift change (each sign-in costs
 * seconds): Sam builds a handover of three items (one unstable) and hands it
 * to Casey; Casey acknowledges two, is refused without a read-back and with a
 * copied summary, then completes it; the lead sees it waiting, then complete;
 * the item Casey left open is carried into her next handover. The export has
 * every item, field and acknowledgement; the print view has no app chrome.
 * Casey hands the carried item back to Sam, who acknowledges it and adds an
 * item while offline; both reach the server when he is back.
 */
test('a handover is built, handed over, read back, completed, carried over, exported and printed; offline work syncs', async ({
  agent,
  lead,
  openConsole,
  server,
}) => {
  test.setTimeout(180_000);
  const casey = await openConsole(DEMO.agent2.email);
  const tag = `h${Date.now().toString(36)}`;
  const sam = new HandoverPage(agent.page);
  const caseys = new HandoverPage(casey.page);
  const stable = {
    severity: 'Stable',
    summary: `Refund promised on this ticket ${tag}`,
    action: `Confirm the refund went out ${tag}`,
    awareness: `Finance approved it at 16:00 ${tag}`,
    contingency: `If the customer writes again then quote the refund id ${tag}`,
  } as const;
  const unstable = {
    severity: 'Unstable',
    summary: `Checkout failing for EU cards since noon ${tag}`,
    action: `Check the payment provider status page hourly ${tag}`,
    awareness: `Provider says a fix is rolling out ${tag}`,
    contingency: `If US cards fail too then page the on-call engineer ${tag}`,
  } as const;
  const watch = { severity: 'Watch', summary: `Customer is close to churning ${tag}` } as const;

  // Sam: Shift+H on the open ticket; the form says what is wrong beside the field.
  await agent.selectFirst();
  await agent.page.keyboard.press('Shift+H');
  await sam.addDialog().getByRole('button', { name: 'Add to handover', exact: true }).click();
  await expect(sam.addDialog()).toContainText('The summary must not be empty.');
  await expect(sam.addDialog().getByLabel('Summary')).toBeFocused();
  expect(await seriousAxeViolations(agent.page)).toEqual([]);
  await sam.fillAndAdd(stable);
  await agent.selectNext();
  await agent.page.keyboard.press('Shift+H');
  await sam.fillAndAdd(unstable);
  // The third from the ticket's customer, by its button.
  await agent.page.getByTestId('ticket-panel').getByRole('button', { name: 'Add the customer to handover…' }).click();
  await sam.fillAndAdd(watch);

  // Sam's handover holds the three, editable; he hands it to Casey.
  await sam.open('My handover');
  await expect(sam.page.getByTestId('my-handover').getByTestId('handover-item')).toHaveCount(3);
  await sam.page.getByRole('button', { name: 'Submit handover…' }).click();
  const submitDialog = sam.page.getByRole('dialog', { name: 'Submit handover' });
  await submitDialog.getByLabel('Receiver').selectOption(DEMO.agent2.id);
  await submitDialog.getByRole('button', { name: 'Submit handover', exact: true }).click();
  await expect(submitDialog).toHaveCount(0);
  await expect(sam.page.getByTestId('my-handover-empty')).toBeVisible();

  // The lead sees it waiting, with its age.
  const leads = new HandoverPage(lead.page);
  await leads.open('Team');
  const waiting = lead.page.getByTestId('team-incomplete-handovers').getByRole('button', {
    name: /Sam Rivera → Casey Lin/,
  });
  await expect(waiting.first()).toContainText('waiting');

  // Casey reviews item by item: two acknowledged (and closed), then the unstable one.
  await caseys.open('To receive');
  const doc = caseys.document();
  await expect(doc).toContainText('0 of 3 acknowledged');
  await expect(doc.getByTestId('handover-snapshot')).toBeVisible();
  expect(await seriousAxeViolations(casey.page)).toEqual([]);
  for (const item of [stable, watch]) {
    await caseys
      .item(item.summary)
      .getByRole('button', { name: /^Acknowledge/ })
      .click();
    await expect(caseys.item(item.summary).getByTestId('handover-ack')).toContainText('Acknowledged by Casey Lin');
    await caseys
      .item(item.summary)
      .getByRole('button', { name: /^Close item/ })
      .click();
    await expect(caseys.item(item.summary).getByTestId('handover-closed')).toBeVisible();
  }
  await expect(doc.getByTestId('handover-progress')).toHaveText('2 of 3 acknowledged');
  const risky = caseys.item(unstable.summary);
  await risky.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(risky).toContainText('needs a read-back');
  await risky.getByLabel('Read-back (in your own words)').fill(unstable.summary);
  await risky.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(risky).toContainText('repeats the summary');
  await expect(doc.getByTestId('handover-status')).toHaveText('Waiting for acknowledgement');
  const readBack = `I will watch the provider page every hour and call on-call if American cards break ${tag}`;
  await risky.getByLabel('Read-back (in your own words)').fill(readBack);
  await risky.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(doc.getByTestId('handover-status')).toHaveText('Complete');
  await expect(doc.getByTestId('handover-progress')).toHaveText('3 of 3 acknowledged');

  // The lead sees it complete.
  await expect(
    lead.page.getByTestId('team-complete-handovers').getByRole('button', { name: /Sam Rivera → Casey Lin/ }),
  ).toHaveCount(1);

  // Must-show 3: the Markdown export has every item, its fields and the acknowledgements.
  const [download] = await Promise.all([
    casey.page.waitForEvent('download'),
    doc.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^handover-sam-rivera-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = await readFile(await download.path(), 'utf8');
  for (const item of [stable, unstable, watch]) {
    for (const text of Object.values(item)) expect(markdown).toContain(text);
  }
  expect(markdown).toContain('Casey Lin');
  expect(markdown).toContain(readBack);
  expect(markdown.match(/Casey Lin/g)?.length).toBeGreaterThanOrEqual(4);

  // …and the print view is the handover alone.
  await casey.page.emulateMedia({ media: 'print' });
  await expect(casey.page.getByRole('banner')).toBeHidden();
  await expect(casey.page.getByRole('navigation', { name: 'Screens' })).toBeHidden();
  await expect(casey.page.getByTestId('queue-list')).toBeHidden();
  await expect(casey.page.getByTestId('sync-connection')).toBeHidden();
  await expect(casey.page.getByRole('tablist')).toBeHidden();
  await expect(doc).toBeVisible();
  await expect(doc.getByRole('button', { name: 'Export Markdown' })).toBeHidden();
  await expect(caseys.item(unstable.summary)).toBeVisible();
  await casey.page.emulateMedia({ media: 'screen' });

  // The item Casey left open is in her next handover, marked carried.
  await casey.page.getByRole('tab', { name: 'My handover' }).click();
  const carried = casey.page.getByTestId('my-handover').getByTestId('handover-item');
  await expect(carried).toHaveCount(1);
  await expect(carried).toContainText(unstable.summary);
  await expect(carried.getByTestId('handover-carried')).toHaveText('Carried from Sam Rivera’s handover (×1)');

  // Must-show 5: Casey hands it back to Sam; Sam works offline.
  await casey.page.getByRole('button', { name: 'Submit handover…' }).click();
  const caseySubmit = casey.page.getByRole('dialog', { name: 'Submit handover' });
  await caseySubmit.getByLabel('Receiver').selectOption(DEMO.agent.id);
  await caseySubmit.getByRole('button', { name: 'Submit handover', exact: true }).click();
  await expect(caseySubmit).toHaveCount(0);
  await sam.open('To receive');
  const back = sam.document();
  await expect(back).toContainText('Handover from Casey Lin to Sam Rivera');
  await agent.goOffline();
  const samRisky = sam.item(unstable.summary);
  await samRisky
    .getByLabel('Read-back (in your own words)')
    .fill(`Provider page hourly; on-call gets paged if it spreads ${tag}`);
  await samRisky.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(back.getByTestId('handover-status')).toHaveText('Complete');
  await agent.openScreen('Queue');
  await agent.selectFirst();
  const offlineSummary = `Added while offline ${tag}`;
  await agent.page.keyboard.press('Shift+H');
  await sam.fillAndAdd({ severity: 'Watch', summary: offlineSummary });
  await expect(agent.pending()).not.toHaveText('0 pending');
  await agent.goOnline();
  await expect(agent.pending()).toHaveText('0 pending');

  // Nothing lost: Casey sees Sam's acknowledgement; the server holds Sam's new handover with both items.
  await caseys.open('History');
  await casey.page.getByLabel('Search handovers').fill(`casey sam ${tag}`);
  await casey.page
    .getByTestId('handover-history')
    .getByRole('button', { name: /Casey Lin → Sam Rivera/ })
    .click();
  await expect(caseys.document().getByTestId('handover-status')).toHaveText('Complete');
  await expect(caseys.item(unstable.summary).getByTestId('handover-ack')).toContainText('Acknowledged by Sam Rivera');
  const handovers = await serverRows(server, 'handover');
  const samsNext = handovers.find((h) => h.fromUserId === DEMO.agent.id && h.status === 'building');
  expect(samsNext?.items.map((item) => item.summary).sort()).toEqual([offlineSummary, unstable.summary].sort());
  expect(samsNext?.items.find((item) => item.summary === unstable.summary)?.carried?.times).toBe(2);
  for (const console of [agent, casey, lead]) expect(console.pageErrors).toEqual([]);
});
