import { ConversationView, DEMO, expect, test } from './fixtures/conversation.ts';
import { seriousAxeViolations } from './fixtures/axe.ts';

test.describe('stale-reply guard (traffic cop)', () => {
  test('a reply is stopped when a teammate wrote since the draft began; Edit keeps the text, Send anyway sends it once', async ({
    agent,
    lead,
    conversationApi,
  }) => {
    const ticket = await conversationApi.createTicket({
      subject: 'Invoices page times out',
      body: 'Since this morning the invoices page never loads.',
    });
    const a = new ConversationView(agent.page);
    const b = new ConversationView(lead.page);
    await agent.openTicket(ticket.id);
    await lead.openTicket(ticket.id);

    // Agent A starts a reply and leaves it half-written.
    const mine = 'Hi Ana, we are looking at the invoices page now.';
    await a.open('r');
    await agent.page.keyboard.type(mine);
    await expect(a.draftMarker()).toBeVisible();

    // Agent B (the lead) answers first.
    const theirs = 'Hello Ana — this is a known outage, fix due within the hour.';
    await b.open('r');
    await lead.page.keyboard.type(theirs);
    await b.send();
    await expect(b.composer()).toBeHidden();
    const theirReply = b.messages().filter({ hasText: theirs });
    await expect(theirReply.locator('[data-delivery="not_emailed"]')).toBeVisible();

    // A's screen follows live; sending now is stopped and shows what B wrote.
    await expect(a.messages().filter({ hasText: theirs })).toBeVisible();
    await a.text().focus();
    await a.send();
    await expect(a.guard()).toBeVisible();
    await expect(a.guard()).toBeFocused();
    await expect(a.guard()).toContainText(DEMO.lead.name);
    await expect(a.guard()).toContainText(theirs);
    expect(await seriousAxeViolations(agent.page)).toEqual([]);

    // Edit: back to the text, intact, and nothing was sent.
    await a.guard().getByRole('button', { name: 'Edit my message' }).click();
    await expect(a.guard()).toBeHidden();
    await expect(a.text()).toBeFocused();
    await expect(a.text()).toHaveValue(mine);
    await expect(a.messages().filter({ hasText: mine })).toHaveCount(0);

    // B adds an internal note meanwhile; A's next send is stopped again, and A sends anyway.
    const note = 'Note: engineering confirmed, incident INC-42.';
    await b.open('n');
    await lead.page.keyboard.type(note);
    await b.send();
    await expect(b.messages().filter({ hasText: note })).toHaveAttribute('data-kind', 'note');
    await expect(a.messages().filter({ hasText: note })).toBeVisible();
    await a.text().focus();
    await a.send();
    await expect(a.guard()).toContainText(note);
    await a.guard().getByRole('button', { name: 'Send anyway' }).click();
    await expect(a.composer()).toBeHidden();
    await expect(a.draftMarker()).toBeHidden();
    const myReply = a.messages().filter({ hasText: mine });
    await expect(myReply).toHaveAttribute('data-kind', 'reply');
    await expect(myReply.locator('[data-delivery="not_emailed"]')).toBeVisible();

    // The server holds each message exactly once.
    await expect
      .poll(async () => (await conversationApi.messages(ticket.id)).map((m) => [m.kind, m.authorId, m.body]))
      .toEqual([
        ['reply', DEMO.lead.id, theirs],
        ['note', DEMO.lead.id, note],
        ['reply', DEMO.agent.id, mine],
      ]);
    expect(agent.pageErrors).toEqual([]);
    expect(lead.pageErrors).toEqual([]);
  });
});
