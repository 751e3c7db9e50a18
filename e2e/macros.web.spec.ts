import { seriousAxeViolations } from './fixtures/axe.ts';
import { MacrosUi } from './fixtures/macros.ts';
import { DEMO, expect, test } from './fixtures/shiftdesk-test.ts';

test.use({ viewport: { width: 1400, height: 1000 } });

/**
 * The composer (issue 9, conversation) is built on another branch. Until it is merged here, the spec checks
 * the draft the macro wrote on the device; after the merge, set this to true so the composer's text is checked too.
 */
const COMPOSER_IN_THIS_BUILD = true;

test.describe('macros', () => {
  test('an agent writes a personal macro with variables, then applies it to a ticket from the keyboard', async ({
    agent,
    serverApi,
  }) => {
    const { page } = agent;
    const macros = new MacrosUi(agent);
    const name = `Sorry for the wait ${Date.now().toString(36)}`;

    // The editor: variables inserted with the picker, a live preview, changes, and no team option for an agent.
    await macros.openScreen('Macros');
    await expect(macros.row('Outage apology')).toContainText('Team');
    await macros.startNew();
    await macros.fill({
      name,
      body: [
        'Hi ',
        { variable: 'requester.first_name' },
        ', sorry for the wait on ticket #',
        { variable: 'ticket.number' },
        '. Next update: ',
        { variable: 'incident.next_update' },
        '.\n\n',
        { variable: 'agent.first_name' },
      ],
      status: 'Waiting on customer',
      addTags: 'apology',
      assignee: 'Whoever uses the macro',
    });
    await expect(page.getByTestId('macro-editor-preview')).toContainText(
      'Hi Alex, sorry for the wait on ticket #1042. Next update: {{incident.next_update}}.',
    );
    await expect(page.getByTestId('macro-editor-preview')).toContainText('Fill in before sending:');
    await expect(macros.editor.getByRole('radio', { name: 'Only me' })).toBeChecked();
    await expect(macros.editor.getByRole('radio', { name: /whole team/ })).toHaveCount(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await macros.save();
    await expect(page.getByTestId('macros-outcome')).toHaveText(`“${name}” created.`);
    await expect(macros.row(name)).toContainText('Personal (only you)');
    await expect(macros.row(name)).toContainText('Set status Waiting on customer · add tag apology · assign to you');

    // In the queue: m on the open ticket, filter, Enter → the preview, filled from this ticket.
    await macros.openScreen('Queue');
    const ticketId = await agent.selectFirst();
    const ticket = await serverApi.ticket(ticketId);
    const firstName = ticket.requesterName.trim().split(/\s+/)[0] ?? '';
    await macros.openPicker();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const preview = await macros.preview(name);
    const expected = `Hi ${firstName}, sorry for the wait on ticket #${ticket.number}. Next update: {{incident.next_update}}.`;
    await expect(preview).toContainText(expected);
    await expect(preview.getByTestId('macro-open-slots')).toContainText('incident.next_update');
    await expect(page.getByTestId('macro-preview-changes')).toHaveText(
      'When sent, also: Set status Waiting on customer · add tag apology · assign to you',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Use (Enter): the text goes to the draft and the composer; nothing is sent, the ticket is unchanged.
    await page.keyboard.press('Enter');
    await expect(macros.picker).toHaveCount(0);
    const text = `${expected}\n\nSam`;
    await expect
      .poll(() => macros.draft(ticketId, DEMO.agent.id))
      .toMatchObject({
        kind: 'reply',
        body: text,
        actions: { status: 'pending', addTags: ['apology'], assignee: 'me' },
      });
    if (COMPOSER_IN_THIS_BUILD) {
      await expect(page.locator('form[aria-label="Reply composer"] textarea')).toHaveValue(text);
    }
    expect((await serverApi.ticket(ticketId)).status).toBe(ticket.status);

    // Again, with a draft there: asked first; Enter adds the macro below what is there.
    await page.getByTestId('queue-list').focus();
    await macros.openPicker();
    await macros.preview(name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Add the macro below it' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await macros.draft(ticketId, DEMO.agent.id))?.body).toBe(`${text}\n\n${text}`);

    // The palette offers the same macro by name.
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('ControlOrMeta+k');
    await page.keyboard.type(`Macro: ${name}`);
    await expect(page.getByTestId('command-palette').getByRole('option').first()).toContainText(`Macro: ${name}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('macro-preview')).toContainText(expected);
    await page.keyboard.press('Escape');
    await expect(macros.picker).toHaveCount(0);

    expect(agent.pageErrors).toEqual([]);
  });

  test('a lead can make a team macro; the starter macros are team macros', async ({ lead }) => {
    const { page } = lead;
    const macros = new MacrosUi(lead);
    const name = `Weekend coverage ${Date.now().toString(36)}`;

    await macros.openScreen('Macros');
    for (const starter of ['Outage apology', 'Ask for logs', 'Follow-up after a fix']) {
      await expect(macros.row(starter)).toContainText('Team');
      await expect(macros.row(starter).getByRole('button', { name: `Edit ${starter}` })).toBeVisible();
    }
    expect(await seriousAxeViolations(page)).toEqual([]);

    await macros.startNew();
    await macros.fill({
      name,
      body: ['Hi ', { variable: 'requester.first_name' }, ', we are on it over the weekend.'],
      visibility: 'The whole team (leads and admins can change it)',
    });
    await macros.save();
    await expect(macros.row(name)).toContainText('Team');

    // Deleting asks first.
    await macros
      .row(name)
      .getByRole('button', { name: `Delete ${name}` })
      .click();
    const confirm = page.getByTestId('delete-macro-dialog');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Delete macro' }).click();
    await expect(macros.row(name)).toHaveCount(0);
    await expect(page.getByTestId('macros-outcome')).toHaveText(`“${name}” deleted.`);
    expect(lead.pageErrors).toEqual([]);
  });
});
