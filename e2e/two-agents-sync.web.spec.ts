import { ConsolePage, DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

const PRIORITY_KEYS = { Urgent: '1', High: '2', Normal: '3', Low: '4' } as const;
type PriorityLabel = keyof typeof PRIORITY_KEYS;
/** Each priority moves to another one, so every key press is a real change. */
const NEXT_PRIORITY: Record<PriorityLabel, PriorityLabel> = {
  Urgent: 'High',
  High: 'Normal',
  Normal: 'Low',
  Low: 'Urgent',
};

/** Status keys (queue-keys.ts) and, for each active status, a different one the rules allow moving to. */
const STATUS = {
  New: { key: null, next: 'Waiting on customer' },
  Open: { key: 'o', next: 'On hold' },
  'Waiting on customer': { key: 'p', next: 'Open' },
  'On hold': { key: 'h', next: 'Waiting on customer' },
} as const;
type ActiveStatusLabel = keyof typeof STATUS;
const STATUS_VALUE = { Open: 'open', 'Waiting on customer': 'pending', 'On hold': 'on_hold' } as const;

interface Expected {
  id: string;
  priority: PriorityLabel;
  status: 'Open' | 'Waiting on customer' | 'On hold';
  claimed: boolean;
  tag: string;
}

test.describe('two agents, live and offline', () => {
  test('a change reaches the other agent live; 20 changes made offline survive closing the page and converge when back online', async ({
    agent,
    lead,
    server,
    serverApi,
  }) => {
    // 20 changes, then 60 ticket openings in three passes over a 200-ticket queue: about 60 s on an
    // idle 2-core machine, so the default 90 s leaves no room when the other worker is busy.
    test.setTimeout(180_000);
    await lead.markDocument();

    // Online: the agent changes a ticket the lead has open; the lead's screen follows without a reload.
    const liveTicket = await agent.selectUnassigned();
    await lead.openTicket(liveTicket);
    const priorityBefore = (await agent.detailPriority().innerText()) as PriorityLabel;
    const livePriority = NEXT_PRIORITY[priorityBefore];
    await agent.page.keyboard.press(PRIORITY_KEYS[livePriority]);
    await expect(lead.detailPriority()).toHaveText(livePriority, { timeout: 5_000 });
    // The server lives for the whole worker, so an earlier test may already have changed this ticket's
    // priority: the history runs oldest first, and its newest priority line must be this change.
    await expect(
      lead.page
        .getByRole('listitem')
        .filter({ hasText: `${DEMO.agent.name} changed priority` })
        .last(),
    ).toContainText(`changed priority from ${priorityBefore} to ${livePriority}`);

    // Five unassigned tickets, picked before anything reorders the queue; the last one is not Open yet, so
    // its solve-and-reopen below changes its status for sure.
    await agent.selectFirst();
    const picked: string[] = [];
    while (picked.length < 5) {
      const id = await agent.selectUnassigned([liveTicket, ...picked]);
      const status = await agent.detailStatus().innerText();
      if (picked.length < 4 || status !== 'Open') picked.push(id);
      else await agent.selectNext();
    }

    // Offline: 20 changes from the keyboard. Four tickets get priority, status, claim and a tag; the fifth
    // is solved (it leaves the queue), reopened, reprioritized and tagged.
    await agent.goOffline();
    const expected: Expected[] = [];
    let made = 0;
    const expectPending = async () => {
      made += 1;
      await expect(agent.pending()).toHaveText(`${made} pending`);
    };
    for (const [index, id] of picked.entries()) {
      await agent.openTicket(id);
      const tag = `offline-${index + 1}`;
      const priority = NEXT_PRIORITY[(await agent.detailPriority().innerText()) as PriorityLabel];
      await agent.page.keyboard.press(PRIORITY_KEYS[priority]);
      await expect(agent.detailPriority()).toHaveText(priority);
      await expectPending();
      if (index < 4) {
        const status = STATUS[(await agent.detailStatus().innerText()) as ActiveStatusLabel].next;
        await agent.page.keyboard.press(STATUS[status].key);
        await expect(agent.detailStatus()).toHaveText(status);
        await expectPending();
        await agent.page.keyboard.press('c');
        await expect(agent.detailAssignee()).toHaveText('you');
        await expectPending();
        expected.push({ id, priority, status, claimed: true, tag });
      } else {
        const active = await agent.page.getByTestId('queue-count').innerText();
        await agent.page.keyboard.press('e');
        await expect(agent.detailStatus()).toHaveText('Solved');
        await expectPending();
        await expect(agent.page.getByTestId('queue-count')).not.toHaveText(active); // solved tickets leave the queue...
        await agent.page.keyboard.press('o');
        await expect(agent.detailStatus()).toHaveText('Open');
        await expectPending();
        await expect(agent.page.getByTestId('queue-count')).toHaveText(active); // ...and come back when reopened
        expected.push({ id, priority, status: 'Open', claimed: false, tag });
      }
      await agent.addTag(tag);
      await expectPending();
    }
    expect(made).toBe(20);

    // Close the page and open the app again, still offline: the service worker serves the app shell and
    // IndexedDB still holds all 20 changes, shown as pending and on screen.
    const context = agent.page.context();
    await agent.page.close();
    const reopened = new ConsolePage(await context.newPage());
    await reopened.watchPendingCounter();
    await reopened.page.goto(server.url);
    await expect(reopened.connection()).toHaveText('Offline');
    await expect(reopened.pending()).toHaveText('20 pending');
    // While the app opened, the counter never claimed that nothing was waiting.
    expect(await reopened.pendingCounterHistory()).not.toContain('0 pending');
    const expectOnScreen = async (console: ConsolePage, assignee: string, unsynced: boolean) => {
      for (const ticket of expected) {
        await console.openTicket(ticket.id);
        await expect(console.detailPriority()).toHaveText(ticket.priority);
        await expect(console.detailStatus()).toHaveText(ticket.status);
        await expect(console.detailAssignee()).toHaveText(ticket.claimed ? assignee : 'nobody');
        await expect(console.detailTags()).toContainText(ticket.tag);
        if (unsynced) await expect(console.row(ticket.id)).toContainText('unsynced');
        else await expect(console.row(ticket.id)).not.toContainText('unsynced');
      }
    };
    await expectOnScreen(reopened, 'you', true);

    // Back online: the outbox drains, the server holds every change, and the lead's screen converges.
    await reopened.goOnline();
    await expect(reopened.pending()).toHaveText('0 pending', { timeout: 30_000 });
    for (const ticket of expected) {
      expect(await serverApi.ticket(ticket.id)).toMatchObject({
        priority: ticket.priority.toLowerCase(),
        status: STATUS_VALUE[ticket.status],
        assigneeId: ticket.claimed ? DEMO.agent.id : null,
        tags: expect.arrayContaining([ticket.tag]),
      });
    }
    await expectOnScreen(lead, DEMO.agent.name, false);
    await expectOnScreen(reopened, 'you', false);
    await lead.expectSameDocument();
    expect([...agent.pageErrors, ...reopened.pageErrors, ...lead.pageErrors]).toEqual([]);
  });
});
