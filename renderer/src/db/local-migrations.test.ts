import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ticketFixture } from '#shared/testing/fixtures';
import { SKELETON_STORES, currentStores } from './local-schema.ts';
import { ShiftdeskDb } from './shiftdesk-db.ts';
import { peekSyncState } from './sync-state.ts';

let names: string[] = [];
afterEach(async () => {
  await Promise.all(names.map((name) => Dexie.delete(name)));
  names = [];
});

/** A database exactly as the walking skeleton (version 1) left it. */
async function skeletonDatabase(name: string, fill: (db: Dexie) => Promise<void>): Promise<void> {
  names.push(name);
  const old = new Dexie(name);
  old.version(1).stores(SKELETON_STORES);
  await old.open();
  await fill(old);
  old.close();
}

describe('local database upgrades', () => {
  it('upgrades a skeleton database: data kept, dismissals moved, damaged rows set aside, the window downloaded afresh', async () => {
    const good = ticketFixture({ id: 'tkt_good' as never });
    const damaged = { ...ticketFixture({ id: 'tkt_damaged' as never }), priority: 'p0' };
    await skeletonDatabase('upgrade-1', async (old) => {
      await old.table('tickets').bulkPut([good, damaged]);
      await old.table('rejections').put({
        id: 'c1:1',
        clientId: 'c1',
        mutationId: 1,
        name: 'setPriority',
        code: 'forbidden',
        message: 'No.',
        at: 5,
        dismissedAt: 9,
      });
      await old.table('outbox').bulkPut([
        { id: 2, name: 'setPriority', args: { ticketId: 'tkt_good', priority: 'low' }, createdAt: 3 },
        { id: 3, name: '', args: null, createdAt: -1 },
      ]);
      await old.table('meta').put({
        key: 'sync',
        value: {
          clientGroupId: 'g1',
          clientId: 'c1',
          cookie: 'wsp:e:4',
          resume: null,
          nextMutationId: 4,
          ackedThrough: 1,
          lastSyncedAt: 7,
        },
      });
    });

    const db = new ShiftdeskDb('upgrade-1');
    expect(await db.rows('ticket').toArray()).toEqual([good]);
    expect(await db.rows('rejection').get('c1:1')).toEqual({
      id: 'c1:1',
      clientId: 'c1',
      mutationId: 1,
      name: 'setPriority',
      code: 'forbidden',
      message: 'No.',
      at: 5,
      subject: null,
      resolutions: [],
    });
    expect(await db.local.dismissals.get('c1:1')).toEqual({ id: 'c1:1', dismissedAt: 9 });
    // The damaged entry keeps its place (the server needs ids in order) as a change it will refuse.
    expect((await db.local.outbox.toArray()).map((entry) => [entry.id, entry.name])).toEqual([
      [2, 'setPriority'],
      [3, 'damagedLocalChange'],
    ]);
    expect((await db.local.setAside.toArray()).map((row) => [row.key, row.reported])).toEqual([
      ['outbox/3', false],
      ['ticket/tkt_damaged', false],
    ]);
    expect((await db.local.setAside.get('ticket/tkt_damaged'))?.value).toEqual(damaged);
    // Pending changes and identity survive; the cookie goes, so the new window downloads.
    expect(await peekSyncState(db)).toMatchObject({ clientId: 'c1', nextMutationId: 4, ackedThrough: 1, cookie: null });
    expect(db.verno).toBe(2);
    db.close();
  });

  it('creates a fresh database with every table the registrations declare', async () => {
    names.push('fresh');
    const db = new ShiftdeskDb('fresh');
    await db.open();
    const tables = Object.fromEntries(
      db.tables.map((table) => [
        table.name,
        [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', '),
      ]),
    );
    expect(tables).toEqual(currentStores());
    db.close();
  });

  it('applies a new table or index from a registration without a version bump (Dexie 4)', async () => {
    names.push('grows');
    const db = new ShiftdeskDb('grows');
    await db.rows('ticket').put(ticketFixture());
    db.close();

    // The same version number, one more table and one more index: what adding a record type looks like.
    const grown = new Dexie('grows');
    grown
      .version(2)
      .stores({ ...currentStores(), laterRecords: 'id, ticketId', tickets: `${currentStores().tickets}, priority` });
    await grown.open();
    expect(grown.tables.map((table) => table.name)).toContain('laterRecords');
    expect(await grown.table('tickets').where('priority').equals('normal').count()).toBe(1);
    grown.close();
  });
});
