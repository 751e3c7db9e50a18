import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { MIGRATIONS, migrate } from './migrate.ts';

describeEachDatabase('migrations', (kind) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.drop();
  });

  it('creates the schema once and is a no-op the second time', async () => {
    test = await openTestDatabase(kind); // already migrated once
    expect(await migrate(test.db)).toEqual({ applied: [] });
    const recorded = await test.db.query<{ id: number }>('select id from schema_migrations order by id');
    expect(recorded.map((row) => row.id)).toEqual(MIGRATIONS.map((m) => m.id));
    const tables = await test.db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'client_groups',
        'clients',
        'mutation_rejections',
        'sessions',
        'sync_rows',
        'users',
        'workspaces',
      ]),
    );
  });
});
