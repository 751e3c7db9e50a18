import { ConversationView, expect, test } from './fixtures/conversation.ts';
import { seriousAxeViolations } from './fixtures/axe.ts';

test.describe('the composer', () => {
  test('a draft survives a reload and Esc; a note shows as a note; open slots block a reply; offline replies queue', async ({
    agent,
    conversationApi,
  }) => {
    const { page } = agent;
    const ticket = await conversationApi.createTicket({
      subject: 'Export to CSV is empty',
      body: 'The CSV export has headers but no rows.',
    });
    const view = new ConversationView(page);
    await agent.openTicket(ticket.id);
    await expect(view.messages()).toHaveCount(1);
    await expect(view.messages().first()).toHaveAttribute('data-kind', 'customer');

    // Typed, then the page reloads: the draft is still there, marked on the ticket.
    const draft = 'Thanks for the report, could you tell us which report you exported?';
    await view.open('r');
    await page.keyboard.type(draft);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expect(view.draftMarker()).toBeVisible();
    await page.reload();
    await agent.waitForSyncedQueue();
    await agent.openTicket(ticket.id);
    await expect(view.draftMarker()).toBeVisible();
    await view.open('r');
    await expect(view.text()).toHaveValue(draft);

    // Esc closes the composer and keeps the draft; the ticket stays open.
    await page.keyboard.press('Escape');
    await expect(view.composer()).toBeHidden();
    await expect(view.draftMarker()).toBeVisible();
    await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', ticket.id);

    // `n` switches to a note with the text kept; a note is shown as one.
    await view.open('n');
    await expect(view.text()).toHaveValue(draft);
    await expect(view.composer()).toHaveAttribute('data-kind', 'note');
    await view.text().fill('**Internal:** customer is on the old exporter, see INC-7.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('composer-preview').locator('strong')).toHaveText('Internal:');
    await view.send();
    const note = view.messages().filter({ hasText: 'customer is on the old exporter' });
    await expect(note).toHaveAttribute('data-kind', 'note');
    await expect(note).toContainText('Internal note — never sent to the customer');
    await expect(note.locator('strong')).toHaveText('Internal:');
    await expect(view.draftMarker()).toBeHidden();

    // A reply with a macro slot still open cannot be sent.
    await view.open('r');
    await page.keyboard.type('We are tracking this as {{incident.id}}.');
    await view.send();
    await expect(page.getByTestId('composer-problem')).toContainText('{{incident.id}}');
    await expect(view.messages()).toHaveCount(2);

    // Offline: the reply is saved on this device at once, and reaches the server when back online.
    await agent.goOffline();
    await view.text().fill('We found it: a fix ships tonight.');
    await view.send();
    const reply = view.messages().filter({ hasText: 'a fix ships tonight' });
    await expect(reply.locator('[data-delivery="device"]')).toHaveText(/Saved on this device/);
    await agent.goOnline();
    await expect(reply.locator('[data-delivery="not_emailed"]')).toHaveText('Not emailed (email isn’t set up)');
    await expect
      .poll(async () => (await conversationApi.messages(ticket.id)).map((m) => m.kind))
      .toEqual(['note', 'reply']);
    expect(agent.pageErrors).toEqual([]);
  });
});
