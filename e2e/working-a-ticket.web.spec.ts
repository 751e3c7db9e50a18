import { ConversationView, DEMO, expect, test } from './fixtures/conversation.ts';
import { MacrosUi } from './fixtures/macros.ts';

test.describe('working a ticket', () => {
  test('an agent takes a ticket, replies with a macro, adds a note and waits on the customer; the customer’s answer reopens it and restarts the clock; a reply written offline arrives', async ({
    agent,
    conversationApi,
    serverApi,
  }) => {
    const { page } = agent;
    const customer = { email: 'dana@whitfield-freight.example', name: 'Dana Whitfield' };
    const ticket = await conversationApi.createTicket({
      subject: 'Invoices page times out',
      body: 'Since this morning the invoices page spins for a minute and then shows a timeout.',
      ...customer,
    });
    const view = new ConversationView(page);
    const macros = new MacrosUi(agent);
    await agent.openTicket(ticket.id);

    // Take it.
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('a');
    await expect(agent.detailAssignee()).toHaveText('you');

    // Reply with a starter macro: the preview fills the variables before anything is sent.
    await macros.openPicker();
    const preview = await macros.preview('Acknowledge and take it');
    await expect(preview).toContainText('Hi Dana,');
    await expect(preview).toContainText('I’m Sam');
    await expect(preview).toContainText('“Invoices page times out”');
    await page.keyboard.press('Enter');
    await expect(view.text()).toBeFocused();
    const macroText = await view.text().inputValue();
    expect(macroText).toContain('Hi Dana,');
    expect(macroText).not.toContain('{{');
    await view.send();
    await expect(view.messages().filter({ hasText: 'Hi Dana,' })).toHaveAttribute('data-kind', 'reply');

    // An internal note, then waiting on the customer.
    await view.open('n');
    await page.keyboard.type('Customer is on the legacy billing cluster; analyst knows (see INC-12).');
    await view.send();
    await expect(view.messages().filter({ hasText: 'legacy billing cluster' })).toHaveAttribute('data-kind', 'note');
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('p');
    await expect(agent.detailStatus()).toHaveText('Waiting on customer');
    const clocks = page.getByRole('complementary', { name: 'Ticket context' });
    await expect(clocks.locator('[data-sla-metric="resolution"]')).toHaveAttribute('data-sla-state', 'paused');
    await expect(agent.pending()).toHaveAttribute('data-pending', '0');
    const waiting = await serverApi.ticket(ticket.id);
    expect(waiting.status).toBe('pending');
    expect(waiting.clock?.pausedSince).not.toBeNull();

    // The customer answers through the intake API: the ticket reopens on screen, without a reload.
    const answeredAt = Date.now();
    await conversationApi.followUp(ticket.number, 'Still timing out, even after 60 seconds.', customer);
    await expect(view.messages().filter({ hasText: 'Still timing out' })).toHaveAttribute('data-kind', 'customer');
    await expect(agent.detailStatus()).toHaveText('Open');
    await expect(clocks.locator('[data-sla-metric="resolution"]')).toHaveAttribute('data-sla-state', 'running');
    await expect(clocks.locator('[data-sla-metric="next_response"]')).toHaveAttribute('data-sla-state', 'running');
    const reopened = await serverApi.ticket(ticket.id);
    // The pause is over and the next-response clock runs from the customer's message.
    expect(reopened.clock?.pausedSince).toBeNull();
    expect(reopened.clock?.pauses).toHaveLength(1);
    expect(reopened.clock?.awaitingReplySince).toBeGreaterThanOrEqual(answeredAt);
    expect(reopened.clock?.firstReplyAt).toBeLessThan(answeredAt);

    // A reply written with no connection is saved on the device and reaches the server on reconnect.
    await agent.goOffline();
    await view.open('r');
    await page.keyboard.type('Thanks Dana, we found the slow query and are rolling out a fix now.');
    await view.send();
    const offlineReply = view.messages().filter({ hasText: 'we found the slow query' });
    await expect(offlineReply.locator('[data-delivery]')).toHaveAttribute('data-delivery', 'device');
    await agent.goOnline();
    await expect(offlineReply.locator('[data-delivery]')).toHaveAttribute('data-delivery', 'not_emailed');

    // The final state, as the server holds it.
    const final = await serverApi.ticket(ticket.id);
    expect(final).toMatchObject({ status: 'open', assigneeId: DEMO.agent.id });
    expect(final.clock?.awaitingReplySince).toBeNull();
    const messages = await conversationApi.messages(ticket.id);
    expect(messages.map((message) => [message.kind, message.authorId])).toEqual([
      ['reply', DEMO.agent.id],
      ['note', DEMO.agent.id],
      ['customer', null],
      ['reply', DEMO.agent.id],
    ]);
    expect(messages[0]?.body).toBe(macroText);
    expect(messages[2]?.fromEmail).toBe(customer.email);
    expect(agent.pageErrors).toEqual([]);
  });
});
