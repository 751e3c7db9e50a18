import type { Locator } from '@playwright/test';
import { MAIL_PEER, ensureMailPeer, peerAddress } from '../server/testing/mail-peer.ts';
import { AdminScreen } from './fixtures/admin-screen.ts';
import { seriousAxeViolations } from './fixtures/axe.ts';
import { expect, test } from './fixtures/shiftdesk-test.ts';

// A server of its own: this test connects the team mailbox, which every later test on a shared one would see.
test.use({ serverOptions: { tickets: 30 } });

const SAVED_PASSWORD_PLACEHOLDER = 'saved — leave empty to keep';

/** One section's server fields, filled the way an admin types them; no user means no sign-in. */
async function fillServer(section: Locator, server: { host: string; port: number; user?: string; password?: string }) {
  await section.getByLabel('Host').fill(server.host);
  await section.getByLabel('Port').fill(String(server.port));
  await section.getByLabel('Security').selectOption('none');
  await section.getByLabel('User name').fill(server.user ?? '');
  await section.getByLabel('Password').fill(server.password ?? '');
}

test('an admin connects the team mailbox: both connections test ok, and the saved password is never shown again', async ({
  agent,
  admin,
}) => {
  const peerProblem = await ensureMailPeer();
  if (peerProblem) console.warn(`mail-admin e2e skipped: ${peerProblem}`);
  test.skip(peerProblem !== null, `skipped: ${peerProblem ?? ''}`);

  // Before anything is set up, an agent's reply composer says replies are not emailed; a note's does not.
  await agent.selectFirst();
  await agent.page.keyboard.press('r');
  const emailOff = agent.page.getByTestId('composer-email-off');
  await expect(emailOff).toHaveText(/^Email isn’t set up: replies are saved on the ticket but not sent/);
  await agent.page.getByRole('button', { name: 'Internal note', exact: true }).click();
  await expect(emailOff).toHaveCount(0);
  await agent.page.keyboard.press('Escape');

  const page = admin.page;
  const screen = new AdminScreen(admin);
  await screen.open('Email');
  const receiving = page.getByRole('group', { name: 'Receiving (IMAP)' });
  const sending = page.getByRole('group', { name: 'Sending (SMTP)' });
  await expect(page.getByTestId('mail-status-inbound')).toHaveText(/^Receiving: off/);
  await expect(receiving.getByLabel('Password')).not.toHaveAttribute('placeholder', SAVED_PASSWORD_PLACEHOLDER);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A provider fills in both servers; Other leaves them for typing.
  await page.getByLabel('Provider').selectOption('microsoft365');
  await expect(receiving.getByLabel('Host')).toHaveValue('outlook.office365.com');
  await expect(sending.getByLabel('Port')).toHaveValue('587');
  await expect(sending.getByLabel('Security')).toHaveValue('starttls');
  await page.getByLabel('Provider').selectOption('other');

  // The loopback peer: plain connections on its own ports, one fresh mailbox as the team's.
  // Its SMTP side is a relay that trusts its loopback clients and offers no sign-in (503 to AUTH): no user there.
  const mailbox = peerAddress('support');
  await receiving.getByLabel('Turn customer email into tickets').check();
  await fillServer(receiving, {
    host: MAIL_PEER.host,
    port: MAIL_PEER.imapPort,
    user: mailbox,
    password: MAIL_PEER.password,
  });
  await sending.getByLabel('Email replies to customers').check();
  await fillServer(sending, { host: MAIL_PEER.host, port: MAIL_PEER.smtpPort });
  await sending.getByLabel('From address').fill(mailbox);
  await sending.getByLabel('From name').fill('Night Shift Support');

  // A mistake first: the test is not even tried, and the field says why.
  await receiving.getByLabel('Port').fill('0');
  await receiving.getByRole('button', { name: 'Test connection' }).click();
  await expect(receiving.getByLabel('Port')).toHaveAttribute('aria-invalid', 'true');
  await expect(receiving.getByLabel('Port')).toBeFocused();
  await expect(receiving.getByLabel('Port')).toHaveAccessibleDescription(/port from 1 to 65535/);
  await receiving.getByLabel('Port').fill(String(MAIL_PEER.imapPort));

  // Both servers answer, with what the server found.
  await receiving.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('imap-test-result')).toHaveText(/^Connection works: \S/);
  await sending.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('smtp-test-result')).toHaveText(/^Connection works: \S/);
  await expect(page.getByTestId('imap-test-result-failed')).toHaveCount(0);
  await expect(page.getByTestId('smtp-test-result-failed')).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Saved: the password field empties itself and says a password is kept.
  await page.getByRole('button', { name: 'Save email settings' }).click();
  await expect(page.getByTestId('mail-feedback')).toHaveText(/^Saved at/);
  await expect(page.getByTestId('mail-save-failure')).toHaveCount(0);
  await expect(receiving.getByLabel('Password')).toHaveValue('');
  await expect(receiving.getByLabel('Password')).toHaveAttribute('placeholder', SAVED_PASSWORD_PLACEHOLDER);
  await expect(sending.getByLabel('Password')).not.toHaveAttribute('placeholder', SAVED_PASSWORD_PLACEHOLDER);

  // After a reload, the settings come back from the server: everything but the password.
  const settingsRead = page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/admin/mail') && response.request().method() === 'GET',
  );
  await page.reload();
  await admin.waitForSyncedQueue();
  await screen.open('Email');
  const answer = await (await settingsRead).text();
  expect(answer).toContain(mailbox);
  expect(answer).not.toContain(MAIL_PEER.password);
  await expect(receiving.getByLabel('Host')).toHaveValue(MAIL_PEER.host);
  await expect(receiving.getByLabel('Port')).toHaveValue(String(MAIL_PEER.imapPort));
  await expect(receiving.getByLabel('Turn customer email into tickets')).toBeChecked();
  await expect(sending.getByLabel('Port')).toHaveValue(String(MAIL_PEER.smtpPort));
  await expect(sending.getByLabel('From address')).toHaveValue(mailbox);
  await expect(receiving.getByLabel('User name')).toHaveValue(mailbox);
  await expect(receiving.getByLabel('Password')).toHaveValue('');
  await expect(receiving.getByLabel('Password')).toHaveAttribute('placeholder', SAVED_PASSWORD_PLACEHOLDER);
  await expect(sending.getByLabel('User name')).toHaveValue('');
  expect(await page.content()).not.toContain(MAIL_PEER.password);

  // Testing again without typing the password uses the saved one.
  await receiving.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('imap-test-result')).toHaveText(/^Connection works: \S/);

  // The server now watches the mailbox: the status says so once it has connected.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByTestId('mail-status-inbound')).toHaveText(/^Receiving: connected/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  expect([...admin.pageErrors, ...agent.pageErrors]).toEqual([]);
});
