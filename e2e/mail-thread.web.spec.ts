import { readFile } from 'node:fs/promises';
import { ensureMailPeer, peerAddress, peerMailEnv, sendWithSwaks } from '../server/testing/mail-peer.ts';
import { seriousAxeViolations } from './fixtures/axe.ts';
import { expect, test } from './fixtures/shiftdesk-test.ts';

// A server of its own, connected by its environment to a fresh team mailbox on the loopback mail peer.
const support = peerAddress('support', 'team.test');
test.use({ serverOptions: { tickets: 5, env: peerMailEnv(support) } });

const LONG_NAME = 'quarterly-invoice-for-the-printer-service-contract-of-the-second-floor-office-2025.pdf';
const PHOTO = 'PNG bytes, not shown inline';

/** A customer's email with two files, as a mail client writes it (CRLF lines, base64 parts). */
function customerMail(from: string, subject: string, headers = ''): string {
  const part = (name: string, type: string, bytes: string) =>
    [
      '--b1',
      `Content-Type: ${type}; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(bytes).toString('base64'),
    ].join('\r\n');
  return [
    `From: Dana Whitfield <${from}>`,
    `To: ${support}`,
    `Subject: ${subject}`,
    `Message-ID: <${peerAddress('msg', 'customer.test')}>`,
    'MIME-Version: 1.0',
    ...(headers ? [headers] : []),
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The printer shows error 42. The invoice and a photo are attached.',
    part(LONG_NAME, 'application/pdf', '%PDF-1.4 not really'),
    part('photo.png', 'image/png', PHOTO),
    '--b1--',
    '',
  ].join('\r\n');
}

test('a customer’s email: files download as files, the reply is emailed, an out-of-office is marked and reopens nothing', async ({
  agent,
}) => {
  const peerProblem = await ensureMailPeer();
  if (peerProblem) console.warn(`mail-thread e2e skipped: ${peerProblem}`);
  test.skip(peerProblem !== null, `skipped: ${peerProblem ?? ''}`);
  const page = agent.page;
  const customer = peerAddress('dana', 'customer.test');
  const subject = `Printer shows error 42 ${Date.now()}`;

  await sendWithSwaks({ from: customer, to: support, raw: customerMail(customer, subject) });
  await expect(agent.rows().filter({ hasText: subject })).toBeVisible({ timeout: 30_000 });
  await agent.openTicketWith(subject);
  const conversation = page.getByTestId('conversation');
  const first = conversation.locator('article[data-kind="customer"]').first();
  await expect(first.getByRole('listitem')).toHaveCount(2);
  await expect(first.getByRole('button', { name: `Download ${LONG_NAME}` })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Download: a file on disk with the customer's name for it, and the app stays where it was.
  const at = page.url();
  const downloading = page.waitForEvent('download');
  await first.getByRole('button', { name: 'Download photo.png' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('photo.png');
  expect(await readFile(await download.path(), 'utf8')).toBe(PHOTO);
  expect(page.url()).toBe(at);
  await expect(page.getByTestId('attachment-failure')).toHaveCount(0);

  // Email is set up: no hint under the composer, and the reply goes out by email.
  await page.keyboard.press('r');
  await expect(page.getByRole('form', { name: 'Reply composer' })).toBeVisible();
  await expect(page.getByTestId('composer-email-off')).toHaveCount(0);
  await page.keyboard.type('Thanks Dana, an engineer is on the way.');
  await page.keyboard.press('Control+Enter');
  const reply = conversation.locator('article[data-kind="reply"]').filter({ hasText: 'an engineer is on the way' });
  await expect(reply.locator('[data-delivery]')).toHaveAttribute('data-delivery', 'sent', { timeout: 30_000 });
  await expect(reply.locator('[data-delivery]')).toHaveText(/^Emailed (just now|\dm ago)$/);

  // Waiting on the customer; their out-of-office answers, is shown as such, and the ticket keeps waiting.
  await page.getByTestId('queue-list').focus();
  await page.keyboard.press('p');
  await expect(agent.detailStatus()).toHaveText('Waiting on customer');
  const number = /#(\d+)/.exec(await page.getByTestId('ticket-detail').innerText())?.[1];
  expect(number).toBeDefined();
  const autoReply = customerMail(
    customer,
    `Out of office: Re: [#${number}] ${subject}`,
    'Auto-Submitted: auto-replied',
  );
  await sendWithSwaks({ from: customer, to: support, raw: autoReply });
  const automatic = conversation.locator('article[data-automatic]');
  await expect(automatic).toBeVisible({ timeout: 30_000 });
  await expect(automatic.getByTestId('automatic-label')).toContainText('Automatic reply — did not reopen the ticket');
  await expect(agent.detailStatus()).toHaveText('Waiting on customer');
  expect(agent.pageErrors).toEqual([]);
});
