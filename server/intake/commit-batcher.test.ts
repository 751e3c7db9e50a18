import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { seedDemoTeam } from '../seed/demo-seed.ts';
import { describeEachDatabase, openTestDatabase } from '../testing/test-databases.ts';
import { TEST_PASSWORD_PARAMS } from '../testing/test-server.ts';
import { CommitBatcher } from './commit-batcher.ts';

describeEachDatabase('commit batcher', (kind) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(kind));
    await seedDemoTeam(db, { tickets: 0, archivedTickets: 0, passwordParams: TEST_PASSWORD_PARAMS });
    await db.query('create table batch_probe (n int primary key)');
  });
  afterAll(() => drop());

  const count = async (n: number) =>
    (await db.query<{ c: number }>('select count(*)::int as c from batch_probe where n = $1', [n]))[0]?.c;

  it('commits the requests that succeed, fails only the one that threw, and answers after COMMIT', async () => {
    const batcher = new CommitBatcher(db);
    const versions: number[] = [];
    const write = (n: number, fail = false) =>
      batcher.run('wsp_demo', async (tx, version) => {
        versions.push(version);
        await tx.query('insert into batch_probe (n) values ($1)', [n]);
        if (fail) throw new Error(`request ${n} failed`);
        return n;
      });
    // The first runs alone; the rest queue behind it and share the next transaction.
    const results = await Promise.allSettled([write(1), write(2), write(3, true), write(4), write(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toContain('request 3 failed');
    // The duplicate key 2 failed in its savepoint alone: the first 2 and 4 in the same batch stayed.
    for (const [n, expected] of [
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 1],
    ] as const)
      expect(await count(n)).toBe(expected);
    expect(new Set(versions.slice(1)).size).toBe(1);
    expect(versions[1]).toBeGreaterThan(versions[0] as number);
  });

  it('answers nothing before the transaction commits: a failed COMMIT fails the whole batch', async () => {
    const batcher = new CommitBatcher(db);
    await db.query('create table deferred_probe (n int primary key deferrable initially deferred)');
    const write = (n: number) =>
      batcher.run('wsp_demo', async (tx) => {
        await tx.query('insert into deferred_probe (n) values ($1)', [n]);
        return n;
      });
    await write(7);
    // Two inserts of 8 in one batch: each savepoint succeeds, the deferred unique check fails at COMMIT.
    const results = await Promise.allSettled([write(9), write(8), write(8)]);
    expect(results[0]?.status).toBe('fulfilled');
    expect(results.slice(1).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const [row] = await db.query<{ c: number }>('select count(*)::int as c from deferred_probe where n = 8');
    expect(row?.c).toBe(0);
  });
});
