import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

/**
 * Two people claim the same ticket. To make the order certain, the one who
 * loses claims while offline; the winner claims online and the server confirms
 * it; then the loser comes back online and hears about it.
 */
test.describe('claim conflicts', () => {
  test('a lead who claimed second is told who was first, sees the ticket as it is now, and can take it over', async ({
    agent,
    lead,
    serverApi,
  }) => {
    const ticketId = await agent.selectUnassigned();
    await lead.openTicket(ticketId);
    await expect(lead.detailAssignee()).toHaveText('nobody');

    await lead.goOffline();
    await lead.page.keyboard.press('c');
    await expect(lead.detailAssignee()).toHaveText('you');
    await expect(lead.pending()).toHaveText('1 pending');

    await agent.page.keyboard.press('c');
    await expect(agent.detailAssignee()).toHaveText('you');
    await expect.poll(async () => (await serverApi.ticket(ticketId)).assigneeId).toBe(DEMO.agent.id);

    await lead.goOnline();
    const notice = lead.rejectionNotice();
    await expect(notice).toContainText(`Your change was undone: ${DEMO.agent.name} claimed this ticket first.`);
    await expect(notice.getByTestId('record-now')).toContainText(`assigned to ${DEMO.agent.name}`);
    await expect(lead.pending()).toHaveText('0 pending');
    await expect(lead.detailAssignee()).toHaveText(DEMO.agent.name);
    await expect(notice.getByRole('button', { name: 'Open the ticket' })).toBeVisible();

    await notice.getByRole('button', { name: 'Take it over' }).click();
    await expect(notice).toHaveCount(0);
    await expect(lead.detailAssignee()).toHaveText('you');
    await expect.poll(async () => (await serverApi.ticket(ticketId)).assigneeId).toBe(DEMO.lead.id);
    await expect(lead.pending()).toHaveText('0 pending');
    await expect(agent.detailAssignee()).toHaveText(DEMO.lead.name);
    expect([...agent.pageErrors, ...lead.pageErrors]).toEqual([]);
  });

  test('an agent who claimed second is told who was first and can open the ticket, but not take it over', async ({
    agent,
    lead,
    serverApi,
  }) => {
    const ticketId = await agent.selectUnassigned();
    await lead.openTicket(ticketId);

    await agent.goOffline();
    await agent.page.keyboard.press('c');
    await expect(agent.detailAssignee()).toHaveText('you');
    await expect(agent.pending()).toHaveText('1 pending');

    await lead.page.keyboard.press('c');
    await expect(lead.detailAssignee()).toHaveText('you');
    await expect.poll(async () => (await serverApi.ticket(ticketId)).assigneeId).toBe(DEMO.lead.id);

    // The agent moves on to another ticket before the conflict comes back.
    const elsewhere = await agent.selectNext();
    await agent.goOnline();
    const notice = agent.rejectionNotice();
    await expect(notice).toContainText(`Your change was undone: ${DEMO.lead.name} claimed this ticket first.`);
    await expect(notice.getByTestId('record-now')).toContainText(`assigned to ${DEMO.lead.name}`);
    await expect(agent.pending()).toHaveText('0 pending');
    // An agent may not reassign: the only ways forward are to look at the ticket or dismiss the notice.
    await expect(notice.getByRole('button')).toHaveText(['Open the ticket', 'Dismiss']);

    await expect(agent.page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', elsewhere);
    await notice.getByRole('button', { name: 'Open the ticket' }).click();
    await expect(agent.page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', ticketId);
    await expect(agent.detailAssignee()).toHaveText(DEMO.lead.name);
    expect((await serverApi.ticket(ticketId)).assigneeId).toBe(DEMO.lead.id);

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    expect([...agent.pageErrors, ...lead.pageErrors]).toEqual([]);
  });
});
