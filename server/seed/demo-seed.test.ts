import { afterEach, expect, it } from 'vitest';
import { Ticket } from '#shared/domain/ticket';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { TEST_PASSWORD_PARAMS } from '../testing/test-server.ts';
import { DEMO_USERS } from './demo-content.ts';
import { seedDemoTeam } from './demo-seed.ts';

describeEachDatabase('demo seed', (kind) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.drop();
  });

  it('creates the six demo users and a varied, valid queue, exactly once', async () => {
    test = await openTestDatabase(kind);
    const progress: number[] = [];
    const first = await seedDemoTeam(test.db, {
      tickets: 2_500,
      archivedTickets: 250,
      passwordParams: TEST_PASSWORD_PARAMS,
      onProgress: (done) => progress.push(done),
    });
    expect(first).toEqual({ seeded: true, workspaceId: 'wsp_demo', tickets: 2_500 });
    expect(progress).toEqual([1_000, 2_000, 2_750]);
    expect(await seedDemoTeam(test.db, { tickets: 2_500, passwordParams: TEST_PASSWORD_PARAMS })).toMatchObject({
      seeded: false,
    });

    const users = await test.db.query<{ email: string; role: string }>('select email, role from users order by email');
    expect(users.map((u) => u.role).sort()).toEqual(['admin', 'agent', 'agent', 'analyst', 'lead', 'trainee']);
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());

    const rows = await test.db.query<{ data: unknown }>("select data from sync_rows where entity = 'ticket'");
    const tickets = rows.map((row) => Ticket.parse(row.data));
    expect(tickets).toHaveLength(2_750);
    // The archive: finished more than a month ago, so outside the default sync window.
    const monthAgo = Date.now() - 31 * 86_400_000;
    const archived = tickets.filter((t) => t.updatedAt < monthAgo);
    expect(archived).toHaveLength(250);
    expect(new Set(archived.map((t) => t.status))).toEqual(new Set(['solved', 'closed']));
    expect(new Set(tickets.map((t) => t.priority)).size).toBe(4);
    expect(new Set(tickets.map((t) => t.channel)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(tickets.map((t) => t.customerId)).size).toBe(10);
    expect(new Set(tickets.map((t) => t.subject)).size).toBeGreaterThan(100);

    // Numbered #1001… without gaps or repeats, the archive first, and the counter continues after them.
    const numbers = tickets.map((t) => t.number ?? 0).sort((a, b) => a - b);
    expect(numbers[0]).toBe(1001);
    expect(numbers.at(-1)).toBe(1001 + 2_750 - 1);
    expect(new Set(numbers).size).toBe(2_750);
    expect(Math.max(...archived.map((t) => t.number ?? 0))).toBe(1000 + 250);
    const [counter] = await test.db.query<{ next: number }>(
      "select next_ticket_number as next from workspaces where id = 'wsp_demo'",
    );
    expect(counter?.next).toBe(1001 + 2_750);
    const lookups = await test.db.query<{ n: number }>('select count(*)::int as n from ticket_numbers');
    expect(lookups[0]?.n).toBe(2_750);
  });
});
