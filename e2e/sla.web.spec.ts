import { seriousAxeViolations } from './fixtures/axe.ts';
import { SlaEditor, createIntakeTicket, slaTimerOf } from './fixtures/sla.ts';
import { expect, test } from './fixtures/shiftdesk-test.ts';

// A server of its own: this test changes the team's SLA policies, which every later test on a shared one would see.
test.use({ serverOptions: { tickets: 120 } });

test('a lead tightens a policy, the agent’s timer and Breaching soon follow live, and pending pauses the clock', async ({
  agent,
  lead,
  server,
}) => {
  const subject = `Dashboard never finishes loading ${Date.now()}`;
  const ticketId = await createIntakeTicket(server, { subject, priority: 'normal' });

  // Starter policy for normal: first response within 4 business hours, so at least 4 hours away: no colour.
  await agent.openTicket(ticketId);
  const timer = slaTimerOf(agent.row(ticketId));
  await expect(timer).toHaveAttribute('data-sla-step', 'ok');
  await expect(timer).toHaveAttribute('aria-label', /^First response due in \d+ (hours?|days?)/);

  // The lead opens the editor (Admin shows leads only this section), still on the starter policies.
  const editor = new SlaEditor(lead.page);
  await editor.open();
  await expect(lead.page.getByRole('tab')).toHaveText(['SLA policies']);
  await expect(editor.section.getByTestId('sla-starter')).toContainText('The starter policies are in use');

  // A mistake first: it is refused beside the field, and nothing is saved.
  await editor.setTarget('Normal', 'First response', '0', 'minutes');
  await editor.save();
  const amount = editor.policy('Normal').getByLabel('First response', { exact: true });
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toBeFocused();
  await expect(editor.policy('Normal')).toContainText('Enter a number greater than 0');
  expect(await seriousAxeViolations(lead.page)).toEqual([]);

  // Normal first response: 30 minutes around the clock.
  await editor.setTarget('Normal', 'First response', '30', 'minutes');
  await editor.policy('Normal').getByLabel('Counts').selectOption('always');
  await editor.save();
  await expect(editor.section.getByTestId('sla-feedback')).toContainText('Saved on this device');
  await expect(editor.section.getByTestId('sla-starter')).toHaveCount(0);

  // The agent's row changes step without a reload: the ticket is minutes old, so under 30 minutes are left.
  await expect(timer).toHaveAttribute('data-sla-step', 'under_30m', { timeout: 15_000 });
  await expect(timer).toHaveAttribute('aria-label', /^First response due in \d+ minutes?$/);
  await expect(timer).toHaveText(/^\d+m$/);

  // Breaching soon lists it, counted in the view nav.
  await expect(agent.page.getByTestId(`view-count-builtin:breaching`)).toHaveText(/[1-9]/);
  await agent.showView('b', 'Breaching soon');
  await agent.openTicket(ticketId);
  await expect(slaTimerOf(agent.row(ticketId))).toHaveAttribute('data-sla-step', 'under_30m');

  // Waiting on the customer: the clock pauses, with the time that was left, and the ticket leaves Breaching soon.
  await agent.page.keyboard.press('p');
  await agent.showView('w', 'Waiting on customer');
  await agent.openTicket(ticketId);
  const paused = slaTimerOf(agent.row(ticketId));
  await expect(paused).toHaveAttribute('data-sla-step', 'paused');
  await expect(paused).toHaveText(/^⏸ \d+m$/);
  await expect(paused).toHaveAttribute('aria-label', /^First response paused while waiting on the customer/);
  await agent.showView('b', 'Breaching soon');
  await expect(agent.row(ticketId)).toHaveCount(0);
  expect(await seriousAxeViolations(agent.page)).toEqual([]);
  expect(agent.pageErrors).toEqual([]);
});
