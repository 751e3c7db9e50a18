import type { Page } from '@playwright/test';

/** Raw Dexie timings on the app's own database, in the same page: what storage alone costs. */
export interface RawBaselines {
  /** Open the database and read the default view's tickets (new or open, mine or nobody's), sorted. */
  openRead: number[];
  /** Read a view's tickets through the status index and sort them: a view switch without a query layer. */
  viewRead: number[];
  /** Scan every ticket for a word in subject, body or requester. */
  search: number[];
  /** Write one ticket row back (one transaction). */
  put: number[];
  /** Write 50 ticket rows back in one transaction. */
  bulkPut: number[];
}

/**
 * Runs in the page with Dexie's UMD build injected (the context bypasses CSP
 * for this only). Writes put rows back unchanged, so the app's data is as it was.
 */
export async function measureRawBaselines(
  page: Page,
  dexieUmd: string,
  dbName: string,
  options: { runs: number; searches: readonly string[]; me: string },
): Promise<RawBaselines> {
  await page.addScriptTag({ path: dexieUmd });
  // tsx names the arrow functions below with a `__name` helper that only exists in Node.
  await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
  return page.evaluate(
    async ({ dbName, runs, searches, me }) => {
      interface Row {
        id: string;
        status: string;
        priority: string;
        assigneeId: string | null;
        createdAt: number;
        subject: string;
        body: string;
        requesterName: string;
      }
      interface Table {
        where: (index: string) => { anyOf: (values: string[]) => { toArray: () => Promise<Row[]> } };
        filter: (fn: (row: Row) => boolean) => { toArray: () => Promise<Row[]> };
        limit: (n: number) => { toArray: () => Promise<Row[]> };
        put: (row: Row) => Promise<unknown>;
        bulkPut: (rows: Row[]) => Promise<unknown>;
      }
      interface RawDb {
        open: () => Promise<unknown>;
        close: () => void;
        table: (name: string) => Table;
      }
      const DexieCtor = (window as unknown as { Dexie: new (name: string) => RawDb }).Dexie;
      const rank: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
      const byQueue = (a: Row, b: Row) =>
        (rank[a.priority] ?? 0) - (rank[b.priority] ?? 0) || a.createdAt - b.createdAt;
      const time = async (work: () => Promise<unknown>) => {
        const started = performance.now();
        await work();
        return performance.now() - started;
      };
      const result = {
        openRead: [] as number[],
        viewRead: [] as number[],
        search: [] as number[],
        put: [] as number[],
        bulkPut: [] as number[],
      };
      for (let run = 0; run < Math.min(runs, 7); run++) {
        const db = new DexieCtor(dbName);
        result.openRead.push(
          await time(async () => {
            await db.open();
            const rows = await db.table('tickets').where('status').anyOf(['new', 'open']).toArray();
            rows.filter((row) => row.assigneeId === null || row.assigneeId === me).sort(byQueue);
          }),
        );
        db.close();
      }
      const db = new DexieCtor(dbName);
      await db.open();
      const tickets = db.table('tickets');
      const views = [['new'], ['new', 'open', 'pending', 'on_hold'], ['pending'], ['solved', 'closed']];
      for (let run = 0; run < runs; run++) {
        result.viewRead.push(
          await time(() =>
            tickets
              .where('status')
              .anyOf(views[run % views.length] ?? ['new'])
              .toArray()
              .then((rows) => rows.sort(byQueue)),
          ),
        );
      }
      for (let run = 0; run < Math.min(runs, searches.length); run++) {
        const word = (searches[run] ?? 'password').split(' ')[0] ?? 'password';
        result.search.push(
          await time(() =>
            tickets
              .filter(
                (row) =>
                  row.subject.toLowerCase().includes(word) ||
                  row.body.toLowerCase().includes(word) ||
                  row.requesterName.toLowerCase().includes(word),
              )
              .toArray(),
          ),
        );
      }
      const sample = await tickets.limit(50).toArray();
      for (let run = 0; run < runs; run++) {
        const row = sample[run % sample.length];
        if (row) result.put.push(await time(() => tickets.put(row)));
      }
      for (let run = 0; run < Math.max(3, Math.round(runs / 4)); run++) {
        result.bulkPut.push(await time(() => tickets.bulkPut(sample)));
      }
      db.close();
      return result;
    },
    { dbName, ...options },
  );
}
