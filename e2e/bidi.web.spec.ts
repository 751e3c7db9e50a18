import { randomBytes } from 'node:crypto';
import { CommandPalette } from './fixtures/command-palette.ts';
import { RLO, isolationOf } from './fixtures/bidi.ts';
import { IntakeClient } from './fixtures/intake.ts';
import { expect, test } from './fixtures/shiftdesk-test.ts';

test.describe('bidirectional text from customers', () => {
  test('a right-to-left override in a subject or a name never reverses the app’s own text after it', async ({
    agent,
    server,
  }) => {
    const run = randomBytes(3).toString('hex');
    const intake = await IntakeClient.create(server);
    // Urgent, so it sits at the top of the queue; "I need a refund" as the override would show it.
    const created = await intake.ticket({
      subject: `Refund ${RLO}deen I ${run}`,
      body: 'Please refund my last invoice.',
      requester: { email: `ana.${run}@bidi-${run}.example`, name: `Ana ${RLO}atsoC` },
      priority: 'urgent',
    });
    await intake.message(created.number, {
      body: 'Any news?',
      from: { email: `ana.${run}@bidi-${run}.example`, name: `Ana ${RLO}atsoC` },
    });

    await agent.openTicket(created.id);
    const page = agent.page;
    const row = agent.row(created.id);
    const header = page.getByTestId('ticket-detail').locator('header.ticket-detail__header');
    const conversation = page.getByRole('region', { name: 'Conversation' });
    const panel = page.getByRole('complementary', { name: 'Ticket context' });
    await expect(panel.getByTestId('ticket-history')).toContainText('wrote again');

    for (const [where, scope] of [
      ['queue row', row],
      ['detail header', header],
      ['side panel', panel],
      ['conversation', conversation],
    ] as const) {
      const report = await isolationOf(scope);
      expect(report.found, `${where}: the customer's text is shown`).toBeGreaterThan(0);
      expect(report.leaking, `${where}: text with U+202E outside an isolate`).toEqual([]);
    }

    // The app's own words after the customer's stay whole, in their own elements, and after it on screen.
    await expect(row.locator('.ticket-row__status')).toHaveText('New');
    await expect(header.getByTestId('detail-status-label')).toHaveText('New');
    const order = await row.evaluate((element) => {
      const meta = element.querySelector('.ticket-row__meta');
      const requester = meta?.querySelectorAll('bdi')[1];
      const status = meta?.querySelector('.ticket-row__status');
      if (!requester || !status) return null;
      const range = document.createRange();
      range.selectNodeContents(status);
      const statusRects = [...range.getClientRects()];
      return {
        requesterRight: requester.getBoundingClientRect().right,
        statusLeft: Math.min(...statusRects.map((r) => r.left)),
      };
    });
    expect(order).not.toBeNull();
    expect(order!.statusLeft).toBeGreaterThanOrEqual(order!.requesterRight - 1);

    // The palette lists actions for this ticket: whatever it quotes is isolated too.
    const palette = new CommandPalette(page);
    await palette.open();
    await expect(page.getByTestId('command-palette').getByRole('option').first()).toBeVisible();
    expect((await isolationOf(page.getByTestId('command-palette'))).leaking).toEqual([]);
    await palette.close();
    expect(agent.pageErrors).toEqual([]);
  });
});
