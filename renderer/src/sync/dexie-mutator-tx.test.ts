import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WORKSPACE_ENTITY_NAMES } from '#shared/sync/entities';
import {
  type ConformanceHarness,
  PRIMITIVES_TRACE,
  conformanceCases,
  memoryHarness,
  primitivesScript,
  runCase,
  sortedRows,
} from '#shared/testing/mutator-conformance';
import { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { dexieMutatorTx } from './dexie-mutator-tx.ts';

let db: ShiftdeskDb;
beforeAll(() => {
  db = new ShiftdeskDb('conformance');
});
afterAll(async () => {
  await db.delete();
});

async function readAll(): Promise<Record<string, unknown>> {
  const entries: [string, unknown][] = [];
  for (const entity of WORKSPACE_ENTITY_NAMES) {
    for (const row of await db.rows(entity).toArray()) entries.push([`${entity}/${row.id}`, row]);
  }
  return sortedRows(entries);
}

/** As the optimistic write runs it: one transaction that aborts when the mutator says no. */
const dexieHarness: ConformanceHarness = async (testCase) => {
  await db.transaction('rw', db.syncTables(), async () => {
    await Promise.all(db.syncTables().map((table) => table.clear()));
    for (const [entity, row] of testCase.seed) await db.rows(entity).put(row as never);
  });
  const before = await readAll();
  let result = 'applied';
  try {
    await db.transaction('rw', db.syncTables(), async () => {
      result = await runCase(dexieMutatorTx(db), testCase);
      if (result !== 'applied') throw new Error('roll back');
    });
  } catch (error) {
    if (result === 'applied') throw error;
  }
  return { result, rows: result === 'applied' ? await readAll() : before };
};

it.each(conformanceCases().map((c) => [c.title, c] as const))(
  'Dexie matches the reference: %s',
  async (_title, testCase) => {
    expect(await dexieHarness(testCase)).toEqual(await memoryHarness(testCase));
  },
);

it('runs the transaction primitives like the reference', async () => {
  await db.transaction('rw', db.syncTables(), async () => {
    await Promise.all(db.syncTables().map((table) => table.clear()));
    expect(await primitivesScript(dexieMutatorTx(db))).toEqual(PRIMITIVES_TRACE);
  });
});
