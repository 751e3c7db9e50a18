import { seriousAxeViolations } from './fixtures/axe.ts';
import { IntakeClient } from './fixtures/intake.ts';
import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';
import { DAY_MS, importPastTickets } from './fixtures/trust.ts';

// A server of its own: the test stops it to import the customers' history.
test.use({ serverOptions: { tickets: 40 } });

test('a customer failed 10 days ago is at risk on a new ticket, with the suggested priority and why; one failed 100 days ago is not', async ({
  server,
  openConsole,
}) => {
  const now = Date.now();
  // Urgent in the starter policies: first reply due within 30 minutes. Both were answered 3.5 hours in
  // (3 h late) and solved in time, 10 and 100 days ago.
  const past = (externalId: string, email: string, daysAgo: number) => ({
    externalId,
    requesterEmail: email,
    subject: `Checkout down (${externalId})`,
    createdAt: now - daysAgo * DAY_MS - 2 * 60 * 60_000,
    firstReplyMinutes: 210,
    solvedAfterMinutes: 230,
  });
  const report = await importPastTickets(server, [
    past(`trust-recent-${now}`, 'ana@recently-failed.example', 10),
    past(`trust-old-${now}`, 'bo@long-ago.example', 100),
  ]);
  expect(report).toContain('Trust ledger: 2 missed SLA targets in the imported history');

  const intake = await IntakeClient.create(server);
  const ticket = (email: string) =>
    intake.ticket({
      subject: 'Invoices fail to download',
      body: 'The invoice page shows an error again.',
      requester: { email },
      priority: 'normal',
    });
  const recent = await ticket('carla@recently-failed.example');
  const old = await ticket('dan@long-ago.example');

  const agent = await openConsole(DEMO.agent.email);
  const { page } = agent;
  const detail = page.getByTestId('ticket-detail');
  const suggestion = detail.getByTestId('trust-suggestion');
  const ledger = detail.getByTestId('trust-ledger');

  // Failed 10 days ago: at risk, on the ticket and in the side panel, with the priority to raise it to and why.
  await agent.openTicket(recent.id);
  await expect(suggestion).toContainText('At risk');
  await expect(suggestion).toContainText(/Suggested priority: High — failed 10 days ago: first reply 3 h late on #\d+/);
  await expect(ledger).toHaveAttribute('data-at-risk', 'true');
  await expect(ledger.getByRole('list', { name: 'Failures in the last 90 days' })).toContainText(
    /First reply 3 h late on #\d+\s*10 days ago/,
  );
  expect(await seriousAxeViolations(page)).toEqual([]);

  // One key takes the suggestion; the customer stays at risk, with nothing more to suggest.
  await page.keyboard.press('Shift+R');
  await expect(detail.getByTestId('detail-priority')).toHaveText('High');
  await expect(suggestion.getByRole('button', { name: /Raise to/ })).toHaveCount(0);
  await expect(suggestion).toContainText('Failed 10 days ago');

  // Failed 100 days ago: on the record, but not at risk, and nothing is suggested.
  await agent.openTicket(old.id);
  await expect(ledger).toHaveAttribute('data-at-risk', 'false');
  await expect(ledger).toContainText('No failures in the last 90 days.');
  await expect(ledger).toContainText('1 earlier failure, more than 90 days ago.');
  await expect(suggestion).toHaveCount(0);
  expect(agent.pageErrors).toEqual([]);
});
