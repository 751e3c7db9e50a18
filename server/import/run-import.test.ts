import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Customer } from '#shared/domain/customer';
import { Ticket } from '#shared/domain/ticket';
import { importWithReport } from '../cli/import-command.ts';
import type { Database } from '../db/database.ts';
import { seedDemoTeam } from '../seed/demo-seed.ts';
import { csvLine, writeLines, writeZendeskCsv } from '../testing/export-files.ts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { TEST_PASSWORD_PARAMS } from '../testing/test-server.ts';
import { runImport } from './run-import.ts';

describeEachDatabase('bulk import', (kind) => {
  let test: TestDatabase;
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    db = test.db;
    await seedDemoTeam(db, { tickets: 10, archivedTickets: 0, passwordParams: TEST_PASSWORD_PARAMS });
    dir = await mkdtemp(join(tmpdir(), 'shiftdesk-import-'));
  });
  afterAll(async () => {
    await test.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const ticketCount = async (where = 'true', params: string[] = []) => {
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from sync_rows where entity = 'ticket' and ${where}`,
      params,
    );
    return row?.n ?? -1;
  };
  const command = async (file: string, partial = false) => {
    const printed: string[] = [];
    const summary = await importWithReport(db, { file, partial }, (line) => printed.push(line));
    return { summary, printed, output: printed.join('\n') };
  };

  it('imports a 10,000-row Zendesk CSV export with progress and a summary, and skips it the second time', async () => {
    const file = join(dir, 'zendesk-10k.csv');
    await writeZendeskCsv(file, 10_000);
    const before = await ticketCount();
    const started = performance.now();
    const { summary, printed, output } = await command(file);
    const seconds = (performance.now() - started) / 1000;
    console.log(`[${kind}] 10,000-row Zendesk CSV: ${seconds.toFixed(1)} s, ${Math.round(10_000 / seconds)} rows/s`);
    console.log(output);
    expect(summary).toMatchObject({ committed: true, rejected: 0 });
    expect(printed.some((line) => /^\s+100% · 10,000 rows · [\d.]+ MB of [\d.]+ MB$/.test(line))).toBe(true);
    expect(output).toMatch(/Imported 10,000 tickets \(#1011–#11010\) from .* \(zendesk-csv\)/);
    expect(output).toMatch(/Customers: 60 created, 0 matched\.|Customers: \d+ created, 0 matched\./);

    expect(await ticketCount()).toBe(before + 10_000);
    const [sample] = await db.query<{ data: unknown }>(
      "select data from sync_rows where entity = 'ticket' and index_keys @> array['tags:\"zendesk-50003\"']",
    );
    expect(Ticket.parse(sample?.data)).toMatchObject({
      number: 1011 + 3,
      subject: 'Export test 3: "quoted", with, commas',
      status: 'on_hold',
      priority: 'low',
      channel: 'phone',
      requesterEmail: 'user3@company3.example',
      tags: ['login', 'zendesk-50003'],
      createdAt: Date.UTC(2025, 0, 1) + 3 * 60_000,
    });
    // Gmail writers are people of their own; company writers share their company's customer.
    expect(await ticketCount("data->>'requesterEmail' like '%@gmail.com'")).toBe(1_112);
    const [customers] = await db.query<{ n: number }>(
      "select count(*)::int as n from sync_rows where entity = 'customer' and data->>'domain' like 'company%'",
    );
    expect(customers?.n).toBe(60);
    const [audit] = await db.query<{ detail: { imported: number; rejected: number } }>(
      "select detail from audit_log where action = 'import.completed' order by id desc limit 1",
    );
    expect(audit?.detail).toMatchObject({ imported: 10_000, rejected: 0 });

    const again = await command(file);
    expect(again.summary).toMatchObject({ committed: true, imported: 0, alreadyImported: 10_000 });
    expect(again.output).toContain('Imported 0 tickets');
    expect(again.output).toContain('Skipped 10,000 tickets imported before');
    expect(await ticketCount()).toBe(before + 10_000);
  });

  it('imports nothing from a file with bad rows and says which and why; --partial imports the rest', async () => {
    const file = join(dir, 'zendesk-bad.csv');
    const overrides = new Map<number, Record<string, string>>([
      [3, { 'Requester email': '' }],
      [5, { Status: 'archived' }],
      [8, { 'Created at': 'last tuesday' }],
    ]);
    await writeZendeskCsv(file, 50, { firstIndex: 20_000, overrides });
    const before = await ticketCount();

    const strict = await command(file);
    expect(strict.summary).toMatchObject({ committed: false, imported: 0, rejected: 3 });
    expect(strict.output).toContain('Nothing was imported');
    expect(strict.printed).toEqual(
      expect.arrayContaining([
        '  row 3: no requester email',
        '  row 5: unknown status "archived"',
        '  row 8: created: unreadable date "last tuesday"',
      ]),
    );
    expect(strict.output).toContain('run with --partial to import the other 47');
    expect(await ticketCount()).toBe(before);

    const partial = await command(file, true);
    expect(partial.summary).toMatchObject({ committed: true, imported: 47, rejected: 3 });
    expect(partial.output).toMatch(/Imported 47 tickets/);
    expect(partial.printed).toContain('  row 3: no requester email');
    expect(await ticketCount()).toBe(before + 47);
  });

  it('puts the SLA targets the imported history missed on the customers’ trust ledgers, once', async () => {
    const day = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const tenDaysAgo = Date.now() - 10 * day;
    const hundredDaysAgo = Date.now() - 100 * day;
    const file = join(dir, 'zendesk-history.csv');
    const header = ['Id', 'Subject', 'Status', 'Priority', 'Requester email', 'Created at', 'Updated at'];
    await writeLines(file, [
      csvLine([...header, 'Solved at', 'First reply time in minutes']),
      // Urgent: first reply due in 30 min (around the clock), resolution in 4 h.
      csvLine([
        81,
        'Late reply',
        'solved',
        'urgent',
        'kim@late.example',
        iso(tenDaysAgo),
        iso(tenDaysAgo + day),
        iso(tenDaysAgo + 3.9 * 3_600_000),
        210,
      ]),
      csvLine([
        82,
        'Long ago',
        'closed',
        'urgent',
        'lou@old.example',
        iso(hundredDaysAgo),
        iso(hundredDaysAgo + day),
        iso(hundredDaysAgo + 3.9 * 3_600_000),
        210,
      ]),
      csvLine([
        83,
        'In time',
        'solved',
        'urgent',
        'max@fine.example',
        iso(tenDaysAgo),
        iso(tenDaysAgo),
        iso(tenDaysAgo + 3_600_000),
        10,
      ]),
      csvLine([84, 'Still open', 'open', 'urgent', 'ned@open.example', iso(tenDaysAgo), iso(tenDaysAgo), '', '']),
    ]);
    const { summary, output } = await command(file);
    expect(summary).toMatchObject({ committed: true, imported: 4, failuresRecorded: 2 });
    expect(output).toContain(
      'Trust ledger: 2 missed SLA targets in the imported history, recorded on their customers.',
    );
    const ledgerOf = async (domain: string) => {
      const [row] = await db.query<{ data: unknown }>(
        "select data from sync_rows where entity = 'customer' and data->>'domain' = $1",
        [domain],
      );
      return Customer.parse(row?.data).failures;
    };
    const late = await ledgerOf('late.example');
    expect(late).toHaveLength(1);
    expect(late?.[0]).toMatchObject({ kind: 'sla_breach', at: tenDaysAgo + 30 * 60_000 });
    expect(late?.[0]?.what).toMatch(/^First reply 3 h late on #\d+$/);
    expect((await ledgerOf('old.example'))?.[0]?.at).toBe(hundredDaysAgo + 30 * 60_000);
    expect(await ledgerOf('fine.example')).toBeUndefined();
    expect(await ledgerOf('open.example')).toBeUndefined();

    // The imported ticket keeps what its SLA clocks were judged from.
    const [ticket] = await db.query<{ data: unknown }>(
      "select data from sync_rows where entity = 'ticket' and index_keys @> array['tags:\"zendesk-81\"']",
    );
    expect(Ticket.parse(ticket?.data).clock).toMatchObject({
      firstReplyAt: tenDaysAgo + 210 * 60_000,
      solvedAt: tenDaysAgo + 3.9 * 3_600_000,
    });

    expect((await command(file)).summary).toMatchObject({ alreadyImported: 4, failuresRecorded: 0 });
    expect(await ledgerOf('late.example')).toEqual(late);
  });

  it('reads Freshdesk CSV, JSON arrays and NDJSON (Zendesk, Freshdesk and our shape), rejecting broken lines', async () => {
    const freshdesk = join(dir, 'freshdesk.csv');
    await writeLines(freshdesk, [
      csvLine([
        'Ticket ID',
        'Subject',
        'Description',
        'Status',
        'Priority',
        'Source',
        'Type',
        'Created time',
        'Last updated time',
        'Requester email',
        'Requester name',
        'Tags',
      ]),
      csvLine([
        7001,
        'Printer on fire',
        'It is on fire.\nReally.',
        'Resolved',
        'Urgent',
        'Phone',
        'Incident',
        '2024-05-01 08:00:00',
        '2024-05-02 09:00:00',
        'ann@fd-corp.example',
        'Ann',
        'hardware, On Fire',
      ]),
      csvLine([
        7002,
        'Waiting',
        '',
        'Waiting on Customer',
        'Medium',
        'Portal',
        'Question',
        '2024-05-01 08:00:00',
        '',
        'bob@fd-corp.example',
        '',
        '',
      ]),
    ]);
    const summary = await runImport(db, { file: freshdesk, workspaceId: 'wsp_demo' });
    expect(summary).toMatchObject({ format: 'freshdesk-csv', committed: true, imported: 2, rejected: 0 });
    const fire = await db.query<{ data: unknown }>(
      "select data from sync_rows where entity = 'ticket' and data->>'subject' = 'Printer on fire'",
    );
    expect(Ticket.parse(fire[0]?.data)).toMatchObject({
      status: 'solved',
      priority: 'urgent',
      channel: 'phone',
      body: 'It is on fire.\nReally.',
      tags: ['hardware', 'on-fire', 'freshdesk-7001'],
    });

    const array = join(dir, 'tickets.json');
    await writeFile(
      array,
      JSON.stringify([
        {
          id: 1,
          subject: 'Zendesk JSON',
          description: 'From the export',
          status: 'hold',
          priority: 'high',
          tags: ['a'],
          created_at: '2024-01-01T00:00:00Z',
          via: { channel: 'email' },
          requester: { name: 'Zed', email: 'zed@zd-json.example' },
        },
        {
          id: 2,
          subject: 'Freshdesk JSON',
          description_text: 'Plain',
          status: 4,
          priority: 1,
          source: 7,
          email: 'fd@fd-json.example',
          tags: [],
        },
        {
          subject: 'Ours',
          body: 'camelCase',
          status: 'open',
          priority: 'low',
          channel: 'chat',
          requesterEmail: 'me@ours.example',
          externalId: 'X-9',
        },
      ]),
    );
    expect(await runImport(db, { file: array, workspaceId: 'wsp_demo' })).toMatchObject({
      format: 'json',
      imported: 3,
    });
    const byTag = async (tag: string) =>
      Ticket.parse(
        (
          await db.query<{ data: unknown }>(
            "select data from sync_rows where entity = 'ticket' and index_keys @> array[$1]",
            [`tags:"${tag}"`],
          )
        )[0]?.data,
      );
    expect(await byTag('zendesk-1')).toMatchObject({
      status: 'on_hold',
      priority: 'high',
      channel: 'email',
      requesterName: 'Zed',
    });
    expect(await byTag('freshdesk-2')).toMatchObject({
      status: 'solved',
      priority: 'low',
      channel: 'chat',
      body: 'Plain',
    });
    expect(await byTag('import-x-9')).toMatchObject({ status: 'open', channel: 'chat' });

    const ndjson = join(dir, 'tickets.ndjson');
    await writeLines(ndjson, [
      `${JSON.stringify({ id: 11, subject: 'Line one', status: 'open', requester: { email: 'a@nd.example' } })}\n`,
      '{"id": 12, "subject": "cut off\n',
      `${JSON.stringify({ id: 13, subject: 'Line three', status: 'new', requester: { email: 'c@nd.example' } })}\n`,
    ]);
    const partial = await runImport(db, { file: ndjson, workspaceId: 'wsp_demo', partial: true });
    expect(partial).toMatchObject({ format: 'json', imported: 2, rejected: 1 });
    expect(partial.rejections[0]).toMatchObject({ row: 2, reason: expect.stringContaining('not valid JSON') });
  });

  // Memory does not depend on the database; once (on PGlite, which always runs) keeps the suite short.
  it.runIf(kind === 'pglite')(
    kind === 'pglite'
      ? 'streams a 30 MB export: the heap stays within a few batches, not the file'
      : 'streams a 30 MB export — skipped on Postgres: memory depends on the reader, not the database; PGlite measures it',
    async () => {
      const file = join(dir, 'big.csv');
      const body = 'The export from the old system, line after line of customer text. '.repeat(46);
      await writeLines(file, [
        csvLine(['external_id', 'subject', 'body', 'status', 'priority', 'channel', 'requester_email', 'tags']),
        ...Array.from({ length: 10_000 }, (_, i) =>
          csvLine([
            `big-${i}`,
            `Big export ${i}`,
            `${body}${i}`,
            'open',
            'normal',
            'email',
            `u${i % 50}@big.example`,
            'legacy',
          ]),
        ),
      ]);
      // A collection before each reading, so the figure is what the import holds, not garbage not yet collected.
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = 0;
      const summary = await runImport(db, {
        file,
        workspaceId: 'wsp_demo',
        onProgress: () => {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        },
      });
      const fileMb = (await stat(file)).size / 1_048_576;
      console.log(
        `[${kind}] ${fileMb.toFixed(1)} MB import: heap grew at most ${(peak / 1_048_576).toFixed(1)} MB, ${summary.durationMs} ms`,
      );
      expect(summary).toMatchObject({ committed: true, imported: 10_000 });
      expect(fileMb).toBeGreaterThan(29);
      // One batch of 1,000 rows is ~3 MB of text (6 MB as UTF-16); holding the file would be 60 MB and more.
      expect(peak).toBeLessThan(24 * 1_048_576);
    },
  );
});
