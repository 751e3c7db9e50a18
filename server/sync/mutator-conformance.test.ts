import { afterAll, beforeAll, expect, it } from 'vitest';
import { entitySchema, type WorkspaceEntityName } from '#shared/sync/entities';
import {
  type ConformanceHarness,
  PRIMITIVES_TRACE,
  conformanceCases,
  memoryHarness,
  primitivesScript,
  runCase,
  sortedRows,
} from '#shared/testing/mutator-conformance';
import type { Sql } from '../db/database.ts';
import { type TestDatabase, describeEachDatabase, openTestDatabase } from '../testing/test-databases.ts';
import { serverMutatorTx } from './server-mutator-tx.ts';
import { writeRow } from './sync-rows.ts';

const WORKSPACE = 'wsp_conformance';

/** Every row of the workspace, as the pull would see it. */
async function readAll(tx: Sql): Promise<Record<string, unknown>> {
  const rows = await tx.query<{ entity: string; id: string; data: unknown }>(
    'select entity, id, data from sync_rows where workspace_id = $1 and not deleted',
    [WORKSPACE],
  );
  return sortedRows(
    rows.map((row) => [`${row.entity}/${row.id}`, entitySchema(row.entity as WorkspaceEntityName).parse(row.data)]),
  );
}

/** Thrown to roll a case back after reading its outcome: every case starts from an empty workspace. */
class Rollback extends Error {
  constructor(readonly outcome: Awaited<ReturnType<ConformanceHarness>>) {
    super('rollback');
  }
}

describeEachDatabase('mutator conformance: SQL against the reference', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await test.db.query("insert into workspaces (id, name, version) values ($1, 'Conformance', 1)", [WORKSPACE]);
  });
  afterAll(async () => {
    await test.drop();
  });

  const sqlHarness: ConformanceHarness = async (testCase) => {
    try {
      await test.db.transaction(async (tx) => {
        for (const [entity, row] of testCase.seed) await writeRow(tx, WORKSPACE, entity, row as never, 1);
        const before = await readAll(tx);
        await tx.query('savepoint mutation');
        const result = await runCase(serverMutatorTx(tx, WORKSPACE, 2), testCase);
        if (result !== 'applied') await tx.query('rollback to savepoint mutation');
        throw new Rollback({ result, rows: result === 'applied' ? await readAll(tx) : before });
      });
    } catch (error) {
      if (error instanceof Rollback) return error.outcome;
      throw error;
    }
    throw new Error('unreachable');
  };

  it.each(conformanceCases().map((c) => [c.title, c] as const))('%s', async (_title, testCase) => {
    expect(await sqlHarness(testCase)).toEqual(await memoryHarness(testCase));
  });

  it('runs the transaction primitives like the reference', async () => {
    let trace: unknown[] = [];
    await test.db
      .transaction(async (tx) => {
        trace = await primitivesScript(serverMutatorTx(tx, WORKSPACE, 3));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(trace).toEqual(PRIMITIVES_TRACE);
  });
});
