import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

/** Presence must clear quickly once someone leaves; "well within" the 10 s an agent would tolerate. */
const GONE_WITHIN_MS = 5_000;

test.describe('presence', () => {
  test('a teammate sees who is viewing a ticket, and sees it clear when they move on or close the app', async ({
    agent,
    lead,
  }) => {
    const viewing = `${DEMO.agent.name} is viewing`;

    // The agent opens a ticket: the lead sees it on the queue row and, with the ticket open, in words.
    const first = await agent.selectNext();
    await expect(lead.presenceBadges(first)).toContainText(viewing);
    await lead.openTicket(first);
    await expect(lead.presenceLine()).toHaveText(viewing);

    // The agent moves to another ticket: the presence follows them and leaves the first one.
    const second = await agent.selectNext();
    await expect(lead.row(first)).toBeVisible();
    await expect(lead.presenceLine()).toHaveCount(0, { timeout: GONE_WITHIN_MS });
    await expect(lead.presenceBadges(first)).toHaveCount(0, { timeout: GONE_WITHIN_MS });
    await expect(lead.presenceBadges(second)).toContainText(viewing);

    // Back on the first ticket, then the agent closes the app: the presence goes with it.
    await agent.page.keyboard.press('k');
    await expect(agent.page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', first);
    await expect(lead.presenceLine()).toHaveText(viewing);
    await expect(lead.presenceBadges(first)).toContainText(viewing);
    await agent.page.close();
    await expect(lead.row(first)).toBeVisible();
    await expect(lead.presenceLine()).toHaveCount(0, { timeout: GONE_WITHIN_MS });
    await expect(lead.presenceBadges(first)).toHaveCount(0, { timeout: GONE_WITHIN_MS });
    await expect(lead.page.getByTestId('presence-badges')).toHaveCount(0);
    expect([...agent.pageErrors, ...lead.pageErrors]).toEqual([]);
  });
});
