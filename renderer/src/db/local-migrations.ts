import type { Transaction } from 'dexie';
import { z } from 'zod';
import { ENTITY_NAMES, entities } from '#shared/sync/entities';
import type { LocalMigration } from './local-schema.ts';
import { OutboxEntry, type SetAsideRow } from './local-tables.ts';

/**
 * Moves every row that no longer passes its schema into `setAside`, with the
 * reason: a damaged or outdated row must neither crash the app nor be lost.
 * Run by migrations after they reshape data.
 */
export async function setAsideInvalidRows(tx: Transaction, now: number): Promise<number> {
  const setAside: SetAsideRow[] = [];
  const check = async (
    table: string,
    entity: string,
    schema: z.ZodType,
    keyOf: (row: Record<string, unknown>) => unknown,
  ) => {
    const rows = (await tx.table(table).toArray()) as Record<string, unknown>[];
    const bad = rows.flatMap((row) => {
      const result = schema.safeParse(row);
      return result.success ? [] : [{ row, problem: z.prettifyError(result.error) }];
    });
    if (bad.length === 0) return;
    await tx.table(table).bulkDelete(bad.map(({ row }) => keyOf(row)) as never[]);
    for (const { row, problem } of bad) {
      const id = String(keyOf(row));
      setAside.push({ key: `${entity}/${id}`, entity, id, value: row, problem, at: now, reported: false });
    }
  };
  for (const entity of ENTITY_NAMES)
    await check(entities[entity].table, entity, entities[entity].schema, (row) => row.id);
  await repairOutbox(tx, now, setAside);
  if (setAside.length > 0) await tx.table('setAside').bulkPut(setAside);
  return setAside.length;
}

/**
 * A damaged outbox entry cannot simply go: the server applies a device's
 * changes strictly in order, so a missing id would stop every later one for
 * good. It is replaced, under the same id, by a change the server refuses on
 * its own (and tells the agent about), and the original is set aside.
 */
async function repairOutbox(tx: Transaction, now: number, setAside: SetAsideRow[]): Promise<void> {
  const rows = (await tx.table('outbox').toArray()) as Record<string, unknown>[];
  for (const row of rows) {
    const result = OutboxEntry.safeParse(row);
    if (result.success) continue;
    const id = row.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) continue; // not addressable: cannot be in order anyway
    await tx.table('outbox').put({ id, name: 'damagedLocalChange', args: null, createdAt: now });
    setAside.push({
      key: `outbox/${id}`,
      entity: 'outbox',
      id: String(id),
      value: row,
      problem: z.prettifyError(result.error),
      at: now,
      reported: false,
    });
  }
}

/** In order; append only. */
export const LOCAL_MIGRATIONS: readonly LocalMigration[] = [
  {
    version: 2,
    description:
      'Sync engine v1: dismissals move to their own table, rejections gain subject and resolutions, ' +
      'every row is validated, and the window is downloaded afresh (cookies now name the window).',
    upgrade: async (tx) => {
      const now = Date.now();
      const rejections = (await tx.table('rejections').toArray()) as Record<string, unknown>[];
      const dismissals = rejections.flatMap((row) =>
        typeof row.dismissedAt === 'number' ? [{ id: String(row.id), dismissedAt: row.dismissedAt }] : [],
      );
      if (dismissals.length > 0) await tx.table('dismissals').bulkPut(dismissals);
      await tx
        .table('rejections')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          delete row.dismissedAt;
          row.subject ??= null;
          row.resolutions ??= [];
        });
      await setAsideInvalidRows(tx, now);
      await tx
        .table('meta')
        .toCollection()
        .modify((row: { key: string; value: Record<string, unknown> }) => {
          if (row.key === 'sync' && row.value && typeof row.value === 'object') {
            row.value = { ...row.value, cookie: null, resume: null };
          }
        });
    },
  },
];
