import { ConsolePage, DEMO, type PullExchange, expect, test } from './fixtures/shiftdesk-test.ts';

// A team big enough, and pages small enough, for the first download to take twenty-odd pages.
test.use({ serverOptions: { tickets: 2_000, env: { SHIFTDESK_SYNC_PAGE_ROWS: '100' } } });

const ask = (exchange: PullExchange) => JSON.stringify([exchange.ask.cookie, exchange.ask.resume]);

test.describe('first download', () => {
  test('a download interrupted halfway by a reload resumes where it stopped and never fetches an applied page again', async ({
    page,
    server,
    pulls,
  }) => {
    const console = new ConsolePage(page);
    // Numbers as the app formats them (the browser's locale).
    const formatted = (n: number) => page.evaluate((value) => value.toLocaleString(), n);
    const progressText = async (loaded: number, total: number) =>
      `${await formatted(loaded)} of ${await formatted(total)} records`;

    // Stop the download at a known page: hold the first page asked for once half the rows have arrived.
    // (The client asks for the next page as soon as a page arrives, while it writes that one.)
    const halfway = pulls.holdNext((exchange) => {
      const progress = pulls.lastDelivered()?.answer?.progress;
      return exchange.ask.resume !== null && !!progress && progress.loaded * 2 >= progress.total;
    });
    await page.goto(server.url);
    await console.signIn(DEMO.agent.email);
    const inFlight = await halfway;

    // The page before the held one was written: the download view says how far it got.
    const lastApplied = pulls.exchanges.find((exchange) => exchange.answer?.resume === inFlight.exchange.ask.resume);
    const appliedProgress = lastApplied?.answer?.progress;
    if (!lastApplied || !appliedProgress) throw new Error('the held pull does not continue any page the app received');
    const { total } = appliedProgress;
    expect(lastApplied.index).toBeGreaterThanOrEqual(5);
    expect(appliedProgress.loaded).toBeLessThan(total);
    const download = page.getByTestId('download-progress');
    await expect(download).toContainText(await progressText(appliedProgress.loaded, total));
    await expect(download.getByRole('progressbar')).toHaveAttribute('value', String(appliedProgress.loaded));

    // Reload mid-download, with the next page still in flight. After the reload, hold the second page too,
    // to see the download view carry on from where it stopped rather than from zero.
    const reloadedAt = pulls.exchanges.length;
    const secondAfterReload = pulls.holdNext((exchange) => exchange.index > reloadedAt);
    await page.reload();
    await inFlight.abandon();
    const held = await secondAfterReload;
    const firstAfterReload = pulls.exchanges[reloadedAt];
    const resumedAt = firstAfterReload?.answer?.progress;
    if (!firstAfterReload || !resumedAt) throw new Error('no page arrived after the reload');
    expect(resumedAt.loaded).toBeGreaterThan(appliedProgress.loaded);
    await expect(download).toContainText(await progressText(resumedAt.loaded, total));
    await held.release();

    await console.waitForSyncedQueue();
    await expect(page.getByTestId('download-progress')).toHaveCount(0);

    const before = pulls.exchanges.slice(0, reloadedAt);
    const after = pulls.exchanges.slice(reloadedAt);
    // Before the reload, every page was answered except the one in flight when it happened.
    expect(before.filter((exchange) => !exchange.delivered)).toEqual([inFlight.exchange]);
    expect(before.every((exchange) => exchange.ask.cookie === null)).toBe(true);
    // The first pull after the reload carries the resume token of the last page applied, not a fresh start...
    expect(after[0]?.ask).toEqual({ cookie: null, resume: lastApplied.answer?.resume });
    // ...so none of the pages applied before the reload is asked for again. The only request made on both
    // sides of the reload is for the page that was in flight (asked for, never received), asked for once more.
    const appliedBefore = new Set(before.filter((exchange) => exchange.delivered).map(ask));
    expect(after.map(ask).filter((key) => appliedBefore.has(key))).toEqual([]);
    const askedBefore = new Set(before.map(ask));
    expect(after.map(ask).filter((key) => askedBefore.has(key))).toEqual([ask(inFlight.exchange)]);
    // After the reload, every page of the download is asked for and delivered exactly once. (Pulls with a
    // cookie are the catch-ups that follow a download; with nothing changed they may repeat, and carry no rows.)
    const pagesAfter = after.filter((exchange) => exchange.ask.cookie === null);
    expect(new Set(pagesAfter.map(ask)).size).toBe(pagesAfter.length);
    expect(pagesAfter.filter((exchange) => !exchange.delivered)).toEqual([]);

    // Across both halves, the rows received add up to the download's total, each row exactly once...
    const delivered = pulls.exchanges.filter((exchange) => exchange.delivered);
    const rows = delivered.flatMap((exchange) => exchange.answer?.rows ?? []);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.length).toBe(total);
    expect(delivered.findLast((exchange) => exchange.ask.cookie === null)?.answer?.progress).toEqual({
      loaded: total,
      total,
    });
    // ...and the queue holds what both halves brought: the half applied before the reload was kept.
    const activeIn = (exchanges: PullExchange[]) =>
      exchanges.reduce((sum, exchange) => sum + (exchange.delivered ? (exchange.answer?.activeTickets ?? 0) : 0), 0);
    expect(activeIn(before)).toBeGreaterThan(0);
    await console.showView('a', 'All active');
    await expect(page.getByTestId('queue-count')).toHaveText(
      `${await formatted(activeIn(before) + activeIn(after))} tickets`,
    );
    expect(console.pageErrors).toEqual([]);
  });
});
