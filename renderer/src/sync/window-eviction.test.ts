import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SessionUser } from '#shared/api/auth';
import { ticketFixture } from '#shared/testing/fixtures';
import { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { mutate } from './mutate.ts';
import { KEEP_FETCHED_MS, evictOutsideWindow } from './window-eviction.ts';

const DAY = 86_400_000;
const NOW = 100 * DAY;
const sam = SessionUser.parse({
  id: 'usr_agent',
  workspaceId: 'wsp_demo',
  email: 'sam@x.example',
  name: 'Sam',
  role: 'agent',
});
let db: ShiftdeskDb;

beforeEach(async () => {
  db = new ShiftdeskDb(`evict-${Math.random()}`);
  await db.rows('settings').put({ id: 'settings', syncWindowDays: 30 });
  await db
    .rows('ticket')
    .bulkPut([
      ticketFixture({ id: 'tkt_active' as never, status: 'open', updatedAt: NOW - 90 * DAY }),
      ticketFixture({ id: 'tkt_recent' as never, status: 'solved', updatedAt: NOW - 10 * DAY }),
      ticketFixture({ id: 'tkt_old' as never, status: 'closed', updatedAt: NOW - 40 * DAY }),
      ticketFixture({ id: 'tkt_fetched' as never, status: 'closed', updatedAt: NOW - 60 * DAY }),
      ticketFixture({ id: 'tkt_pending' as never, status: 'solved', updatedAt: NOW - 60 * DAY }),
    ]);
  await db.rows('ticketEvent').put({
    id: 'evt_1' as never,
    ticketId: 'tkt_old' as never,
    actorId: null,
    at: 1,
    change: { kind: 'tag_added', tag: 'x' },
  });
  await db.local.fetchedRoots.put({
    key: 'ticket/tkt_fetched',
    entity: 'ticket',
    id: 'tkt_fetched',
    fetchedAt: NOW - 1_000,
  });
});
afterEach(async () => {
  await db.delete();
});

it('drops finished tickets older than the window with their history, keeping active, recent, pending and just-fetched ones', async () => {
  // A change to an old ticket waits to sync: its ticket must stay until it is confirmed.
  await mutate(db, sam, 'setPriority', { ticketId: 'tkt_pending', priority: 'urgent' }, NOW - 60 * DAY);
  expect(await evictOutsideWindow(db, NOW)).toBe(1);
  expect((await db.rows('ticket').toCollection().primaryKeys()).sort()).toEqual([
    'tkt_active',
    'tkt_fetched',
    'tkt_pending',
    'tkt_recent',
  ]);
  expect(await db.rows('ticketEvent').get('evt_1')).toBeUndefined();

  // A day after it was fetched, the archived ticket goes too.
  expect(await evictOutsideWindow(db, NOW + KEEP_FETCHED_MS)).toBe(1);
  expect(await db.rows('ticket').get('tkt_fetched')).toBeUndefined();
  expect(await db.local.fetchedRoots.count()).toBe(0);
});

it('follows the team’s window setting', async () => {
  await db.rows('settings').put({ id: 'settings', syncWindowDays: 90 });
  expect(await evictOutsideWindow(db, NOW)).toBe(0);
});

it('keeps a ticket whose history has a change waiting to sync, even when the ticket itself has none', async () => {
  // No mutator writes only a child yet (notes will): a shadow on the event is what such a change leaves.
  await db.local.shadows.put({ key: 'ticketEvent/evt_1', entity: 'ticketEvent', id: 'evt_1', row: null });
  expect(await evictOutsideWindow(db, NOW)).toBe(1); // tkt_pending (nothing waits on it in this test)
  expect(await db.rows('ticket').get('tkt_old')).toBeDefined();
  expect(await db.rows('ticket').get('tkt_pending')).toBeUndefined();
  expect(await db.rows('ticketEvent').get('evt_1')).toBeDefined();
});
