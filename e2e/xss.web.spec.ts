import { XSS_CORPUS } from '../renderer/src/features/conversation/content/xss-corpus.ts';
import { ConversationView, DEMO, expect, test } from './fixtures/conversation.ts';

/** Payloads that would set `window.__xss` if any markup or script in them ever ran. */
const SENTINEL_PAYLOADS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"></svg>',
  '<iframe srcdoc="<script>parent.__xss = \'iframe\'</script>"></iframe>',
  '<details open ontoggle="window.__xss = \'details\'"><summary>x</summary></details>',
  "[click me](javascript:window.__xss='link')",
  '<a href="javascript:window.__xss=\'anchor\'">click me</a>',
  '<body onload="window.__xss = \'body\'">',
  '<input autofocus onfocus="window.__xss = \'focus\'">',
];

const HOSTILE = [...XSS_CORPUS.map((entry) => entry.source), ...SENTINEL_PAYLOADS];

/** Elements that must never exist inside the conversation, whatever a message says. */
const FORBIDDEN = 'script, iframe, svg, img, object, embed, style, link, form, meta, base, math, video, audio, source';

test.describe('hostile ticket content', () => {
  test('customer messages and agent Markdown render inert: no script runs, no request leaves, links are checked', async ({
    agent,
    server,
    conversationApi,
  }) => {
    const { page } = agent;
    const dialogs: string[] = [];
    const foreign: string[] = [];
    const appOrigin = new URL(server.url).origin;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${appOrigin}/`)) foreign.push(url);
    });

    // The customer's side: a hostile subject and body through intake, then every payload as follow-ups.
    const ticket = await conversationApi.createTicket({
      subject: '<img src=x onerror="window.__xss=\'subject\'"> Invoice <script>alert(1)</script>',
      body: SENTINEL_PAYLOADS.join('\n'),
      name: '<b onmouseover=alert(1)>Eve</b>',
      email: 'eve@evil.example',
    });
    const chunks: string[][] = [];
    for (let index = 0; index < HOSTILE.length; index += 8) chunks.push(HOSTILE.slice(index, index + 8));
    for (const chunk of chunks) await conversationApi.followUp(ticket.number, chunk.join('\n\n'));

    // The agent's side: each payload as a Markdown reply or note, as the agent's own device would push it.
    await conversationApi.pushMessages(
      DEMO.agent.email,
      HOSTILE.map((body, index) => ({ ticketId: ticket.id, kind: index % 3 === 0 ? 'note' : 'reply', body })),
    );
    const total = 1 + chunks.length + HOSTILE.length;

    const view = new ConversationView(page);
    await agent.openTicket(ticket.id);
    const earlier = view.thread().getByRole('button', { name: /^Show \d+ earlier messages$/ });
    if ((await view.messages().count()) < total) await earlier.click();
    await expect(view.messages()).toHaveCount(total);

    // Hover and focus over every message, as an agent reading would: no handler may wake up.
    for (const message of await view.messages().all()) await message.hover();
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);

    const thread = view.thread();
    expect(await thread.locator(FORBIDDEN).count()).toBe(0);
    const attributes = await thread
      .locator('*')
      .evaluateAll((elements) =>
        elements.flatMap((element) =>
          [...element.attributes]
            .map((attribute) => attribute.name)
            .filter((name) => name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'src'),
        ),
      );
    expect(attributes).toEqual([]);
    const links = await thread.locator('a[href]').evaluateAll((anchors) =>
      anchors.map((anchor) => ({
        protocol: new URL((anchor as HTMLAnchorElement).href).protocol,
        target: anchor.getAttribute('target'),
        rel: anchor.getAttribute('rel') ?? '',
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(['http:', 'https:', 'mailto:']).toContain(link.protocol);
      expect(link.target).toBe('_blank');
      expect(link.rel.split(' ')).toContain('noopener');
    }
    // The words are shown, as text: the agent sees what was attempted.
    await expect(thread).toContainText('<script>window.__xss = "script"</script>');
    await expect(page.getByTestId('ticket-detail').getByRole('heading', { level: 2 })).toContainText('<img src=x');

    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    expect(agent.pageErrors).toEqual([]);

    // Control: the watches do see a request to another host and a dialog, so the empty lists above mean something.
    await page.evaluate(() => {
      new Image().src = 'https://tracker.example/control.gif';
      alert('control');
    });
    await expect.poll(() => foreign).toContain('https://tracker.example/control.gif');
    expect(dialogs).toEqual(['control']);
  });
});
