import { BUILTIN_ACTION_IDS } from '../renderer/src/features/actions/builtin-action-ids.ts';
import { HANDOVER_SCREEN_ACTIONS, QUEUE_HANDOVER_ACTIONS } from '../renderer/src/features/handover/handover-actions.ts';
import { QUEUE_ACTIONS } from '../renderer/src/features/queue/queue-actions.ts';
import { seriousAxeViolations } from './fixtures/axe.ts';
import { CommandPalette } from './fixtures/command-palette.ts';
import { ShortcutSheet } from './fixtures/shortcut-sheet.ts';
import { expect, test } from './fixtures/shiftdesk-test.ts';

const QUEUE_SCREEN_ACTIONS = [...QUEUE_ACTIONS, ...QUEUE_HANDOVER_ACTIONS, ...HANDOVER_SCREEN_ACTIONS];
const REGISTERED = [...QUEUE_SCREEN_ACTIONS.map((action) => action.id), ...Object.values(BUILTIN_ACTION_IDS)];
/**
 * The palette does not offer to open itself: it is reached by its key, which the sheet lists. Raising a
 * ticket to its suggested priority applies only to an at-risk customer's ticket (trust-ledger.web.spec.ts);
 * unmerging only to a merged ticket, and the flood actions only while a flood is on (flood-triage.web.spec.ts);
 * adding a ticket's problem to the handover only to a ticket linked to one.
 */
const NOT_IN_THIS_STATE = new Set<string>([
  BUILTIN_ACTION_IDS.commandPalette,
  'ticket.priority.suggested',
  'ticket.unmerge',
  'flood.select',
  'flood.link',
  'flood.dismiss',
  'handover.addProblem',
]);
const IN_PALETTE = REGISTERED.filter((id) => !NOT_IN_THIS_STATE.has(id));
/** The sheet lists shortcuts: an action without a key ("Not now" on the flood banner) is a palette entry only. */
const KEYLESS = new Set(QUEUE_SCREEN_ACTIONS.filter((action) => action.keys.length === 0).map((action) => action.id));
const IN_SHEET = REGISTERED.filter((id) => !KEYLESS.has(id));

test.describe('actions, registered once', () => {
  test('every registered action is reachable from the palette and listed in the shortcut sheet', async ({ agent }) => {
    const palette = new CommandPalette(agent.page);
    const sheet = new ShortcutSheet(agent.page);

    // Some actions apply only with a selection (clear it), some only without (add a tag): walk both states.
    await palette.open();
    const withoutSelection = await palette.listedActionIds();
    await palette.close();
    await agent.page.keyboard.press('x');
    await agent.page.keyboard.press('j');
    await agent.page.keyboard.press('x');
    await expect(agent.page.getByTestId('selection-count')).toHaveText('2 selected');
    await palette.open();
    const withSelection = await palette.listedActionIds();
    await palette.close();
    const reachable = new Set([...withoutSelection, ...withSelection]);
    expect(IN_PALETTE.filter((id) => !reachable.has(id))).toEqual([]);

    await sheet.open();
    const listed = new Set(await sheet.listedActionIds());
    await sheet.close();
    expect(IN_SHEET.filter((id) => !listed.has(id))).toEqual([]);
  });

  test('no serious or critical accessibility violations with the palette open, the sheet open, and a selection', async ({
    agent,
  }) => {
    const { page } = agent;
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+X');
    await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const palette = new CommandPalette(page);
    await palette.open();
    await page.keyboard.type('prio');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await palette.close();

    const sheet = new ShortcutSheet(page);
    await sheet.open();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await sheet.close();

    await page.keyboard.press('f');
    await expect(page.locator('#queue-filters')).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A grouped view labels the first row of each group.
    await page.keyboard.press('Escape');
    await agent.showView('a', 'All active');
    await expect(page.locator('.ticket-row__group').first()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
