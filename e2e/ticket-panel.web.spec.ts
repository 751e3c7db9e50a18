import { randomBytes } from 'node:crypto';
import { seriousAxeViolations } from './fixtures/axe.ts';
import { IntakeClient } from './fixtures/intake.ts';
import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

test.describe('the ticket side panel', () => {
  test("lists the customer's other open tickets, opens one from the keyboard, and shows who changed what", async ({
    agent,
    lead,
    server,
  }) => {
    const run = randomBytes(3).toString('hex');
    const domain = `panel-${run}.example`;
    const intake = await IntakeClient.create(server);
    // Two tickets from one company (matched by its email domain): one customer, two open tickets.
    const first = await intake.ticket({
      subject: `Invoices export is empty ${run}`,
      body: 'The CSV has only headers.',
      requester: { email: `lee@${domain}`, name: 'Lee Park' },
      priority: 'urgent',
    });
    const second = await intake.ticket({
      subject: `Cannot add a seat ${run}`,
      body: 'The button spins forever.',
      requester: { email: `kim@${domain}`, name: 'Kim Ito' },
      priority: 'urgent',
    });
    expect(second.customerId).toBe(first.customerId);

    const page = agent.page;
    await agent.openTicket(first.id);
    const panel = page.getByRole('complementary', { name: 'Ticket context' });
    await expect(panel.getByTestId('panel-requester-name')).toHaveText('Lee Park');
    const others = panel.getByTestId('other-open-tickets').getByRole('button');
    await expect(others).toHaveCount(1);
    await expect(others.first()).toContainText(`Cannot add a seat ${run}`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // From the keyboard: with the focus on the other ticket (where Tab takes it), Enter opens it and the focus lands on its subject.
    await others.first().focus();
    await expect(others.first()).toBeFocused();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('ticket-detail');
    await expect(detail).toHaveAttribute('data-ticket-id', second.id);
    await expect(detail.locator('#ticket-detail-subject')).toBeFocused();
    await expect(detail.locator('#ticket-detail-subject')).toHaveText(`Cannot add a seat ${run}`);
    await expect(page).toHaveURL(new RegExp(second.id));
    await expect(panel.getByTestId('other-open-tickets').getByRole('button')).toContainText(
      `Invoices export is empty ${run}`,
    );

    // A change made here: priority Low, from the keyboard. The lead sees it in the history, by the agent's name.
    await page.keyboard.press('4');
    await expect(agent.detailPriority()).toContainText('Low');
    await expect(panel.getByTestId('ticket-history')).toContainText('You changed priority from Urgent to Low');
    await lead.openTicket(second.id);
    await expect(
      lead.page.getByRole('complementary', { name: 'Ticket context' }).getByTestId('ticket-history'),
    ).toContainText(`${DEMO.agent.name} changed priority from Urgent to Low`);
    expect([...agent.pageErrors, ...lead.pageErrors]).toEqual([]);
  });
});
