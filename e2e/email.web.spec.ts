import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ensureMailPeer,
  peerAddress,
  peerMailEnv,
  sendWithSwaks,
  waitForPeerInbox,
} from '../server/testing/mail-peer.ts';
import { ConversationView, expect, test } from './fixtures/conversation.ts';

/** The team mailbox of this worker's server, on the loopback mail peer (scripts/mail-peer.sh). */
const support = peerAddress('support', 'team.test');

// A short queue: a new ticket's row is on screen without scrolling the (virtualized) list.
test.use({ serverOptions: { tickets: 5, env: peerMailEnv(support) } });

test.describe('email in and out', () => {
  test.beforeAll(async () => {
    const reason = await ensureMailPeer();
    test.skip(reason !== null, `the loopback mail server is not available: ${reason}`);
  });

  test('a customer email becomes a ticket live; the reply reaches their mailbox threaded; their answer reopens the ticket', async ({
    agent,
  }) => {
    const { page } = agent;
    const view = new ConversationView(page);
    const customer = peerAddress('dana', 'whitfield.test');
    const original = peerAddress('original', 'whitfield.test');
    await sendWithSwaks({
      from: `Dana Whitfield <${customer}>`,
      to: support,
      subject: 'Invoice export stuck at 99%',
      body: 'Since this morning the invoice export never finishes.',
      headers: { 'Message-ID': `<${original}>` },
    });

    // It appears in the agent's queue without a reload.
    const row = agent.rows().filter({ hasText: 'Invoice export stuck at 99%' });
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    await agent.openTicketWith('Invoice export stuck at 99%');
    await expect(page.getByText('Since this morning the invoice export never finishes.')).toBeVisible();

    // The agent replies and waits on the customer.
    await view.open('r');
    await page.keyboard.type('Hi Dana, we restarted the export worker. Could you try again?');
    await view.send();
    const reply = view.messages().filter({ hasText: 'we restarted the export worker' });
    await expect(reply).toHaveAttribute('data-kind', 'reply');
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('p');
    await expect(agent.detailStatus()).toHaveText('Waiting on customer');

    // It arrives in the customer's mailbox, threaded on their mail; the app shows it went out.
    const [delivered] = await waitForPeerInbox(customer, 1, 30_000);
    expect(delivered?.inReplyTo).toBe(`<${original}>`);
    expect(delivered?.subject).toMatch(/^Re: Invoice export stuck at 99% \[#\d+\]$/);
    expect(delivered?.text).toContain('we restarted the export worker');
    await expect(reply).toContainText(/Emailed/, { timeout: 30_000 });

    // The customer answers from their mail client: the same ticket reopens with the new message.
    await sendWithSwaks({
      from: `Dana Whitfield <${customer}>`,
      to: support,
      subject: `Re: ${delivered?.subject ?? ''}`,
      body: 'Tried again: it finished. Thanks!',
      headers: { 'In-Reply-To': delivered?.messageId ?? '', References: `<${original}> ${delivered?.messageId ?? ''}` },
    });
    await expect(view.messages().filter({ hasText: 'Tried again: it finished.' })).toHaveAttribute(
      'data-kind',
      'customer',
      {
        timeout: 30_000,
      },
    );
    await expect(agent.detailStatus()).toHaveText('Open');
    await expect(row).toHaveCount(1);
  });

  test('hostile HTML mail is shown as inert text: no script runs, no remote image loads', async ({ agent }) => {
    const { page } = agent;
    const view = new ConversationView(page);
    // A stand-in for a tracker: it counts every request the app might make for the "pixel".
    let trackerHits = 0;
    const tracker: Server = createServer((_, response) => {
      trackerHits++;
      response.end();
    });
    await new Promise<void>((done) => tracker.listen(0, '127.0.0.1', done));
    const { port } = tracker.address() as AddressInfo;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      const customer = peerAddress('eve', 'tracker.test');
      const html = [
        '<html><head><style>body{background:url(http://127.0.0.1:PORT/css.png)}</style>',
        '<script>window.__pwned = 1; alert("script")</script></head><body>',
        '<p>Our order <b>#4411</b> never shipped.</p>',
        '<img src="http://127.0.0.1:PORT/pixel.gif" width="1" height="1">',
        '<img src="x" onerror="window.__pwned = 2; alert(\'onerror\')">',
        '<a href="javascript:alert(\'link\')">Track your order</a>',
        '<iframe src="http://127.0.0.1:PORT/frame"></iframe>',
        '<svg onload="alert(\'svg\')"></svg>',
        '</body></html>',
      ]
        .join('\r\n')
        .replaceAll('PORT', String(port));
      await sendWithSwaks({
        from: customer,
        to: support,
        raw: [
          `From: Eve <${customer}>`,
          `To: ${support}`,
          'Subject: Order never shipped (HTML)',
          `Message-ID: <${peerAddress('html', 'tracker.test')}>`,
          'MIME-Version: 1.0',
          'Content-Type: text/html; charset=utf-8',
          '',
          html,
          '',
        ].join('\r\n'),
      });
      await expect(agent.rows().filter({ hasText: 'Order never shipped (HTML)' })).toHaveCount(1, { timeout: 30_000 });
      await agent.openTicketWith('Order never shipped (HTML)');
      const ticketText = page.getByText(/Our order #4411 never shipped\./);
      await expect(ticketText).toBeVisible();
      await view.thread().hover();
      await page.waitForTimeout(500);

      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(trackerHits).toBe(0);
      const detail = page.getByTestId('ticket-detail');
      // Nothing of the mail's markup is in the page: it was read as text, never as HTML.
      for (const selector of ['script', 'iframe', 'style', `img[src*="${port}"]`, '[onerror]', '[onload]']) {
        expect(await detail.locator(selector).count(), `"${selector}" from the mail made it into the page`).toBe(0);
      }
      await expect(detail.locator('a[href^="javascript:"]')).toHaveCount(0);
    } finally {
      await new Promise((done) => tracker.close(done));
    }
  });
});
