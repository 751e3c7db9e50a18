import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionUser } from '#shared/api/auth';
import { ticketFixture } from '#shared/testing/fixtures';
import { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { readSyncState } from '../db/sync-state.ts';
import { mutate } from './mutate.ts';
import { ImportRefused, exportUnsyncedChanges, importUnsyncedChanges } from './unsynced-changes-file.ts';

const sam = SessionUser.parse({
  id: 'usr_agent',
  workspaceId: 'wsp_demo',
  email: 'sam@x.example',
  name: 'Sam Rivera',
  role: 'agent',
});
let broken: ShiftdeskDb;
let spare: ShiftdeskDb;

beforeEach(async () => {
  broken = new ShiftdeskDb(`broken-${Math.random()}`);
  spare = new ShiftdeskDb(`spare-${Math.random()}`);
  for (const db of [broken, spare]) {
    await db.rows('ticket').bulkPut([ticketFixture(), ticketFixture({ id: 'tkt_000002' as never })]);
  }
});
afterEach(async () => {
  await Promise.all([broken.delete(), spare.delete()]);
});

describe('exporting and importing unsynced changes', () => {
  it('carries changes to another device, where they show at once and go out under the original device’s identity', async () => {
    await mutate(broken, sam, 'setPriority', { ticketId: 'tkt_000001', priority: 'urgent' });
    await mutate(broken, sam, 'addTag', { ticketId: 'tkt_000002', tag: 'vip' });
    const file = await exportUnsyncedChanges(broken, sam, 1_000);
    const origin = await broken.transaction('r', broken.local.meta, () => readSyncState(broken));
    expect(file.changes.map((c) => [c.clientId, c.id, c.name])).toEqual([
      [origin.clientId, 1, 'setPriority'],
      [origin.clientId, 2, 'addTag'],
    ]);

    expect(await importUnsyncedChanges(spare, sam, JSON.stringify(file), 2_000)).toEqual({
      imported: 2,
      alreadyHere: 0,
    });
    expect(await spare.rows('ticket').get('tkt_000001')).toMatchObject({ priority: 'urgent' });
    expect(await spare.rows('ticket').get('tkt_000002')).toMatchObject({ tags: ['vip'] });
    const queued = await spare.local.importedOutbox.toArray();
    expect(queued.map((e) => [e.clientGroupId, e.clientId, e.id])).toEqual([
      [origin.clientGroupId, origin.clientId, 1],
      [origin.clientGroupId, origin.clientId, 2],
    ]);
    expect(await spare.local.outbox.count()).toBe(0);

    // Importing the same file twice, or into the device that made it, adds nothing.
    expect(await importUnsyncedChanges(spare, sam, JSON.stringify(file))).toEqual({ imported: 0, alreadyHere: 2 });
    expect(await importUnsyncedChanges(broken, sam, JSON.stringify(file))).toEqual({ imported: 0, alreadyHere: 2 });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['another format', JSON.stringify({ format: 'zendesk' }), /not a Shiftdesk export/],
    [
      'another person’s changes',
      JSON.stringify({
        format: 'shiftdesk/unsynced-changes',
        version: 1,
        exportedAt: 1,
        workspaceId: 'wsp_demo',
        user: { id: 'usr_lead', name: 'Jordan Okafor' },
        changes: [],
      }),
      /sign in as Jordan Okafor/,
    ],
    [
      'another team’s changes',
      JSON.stringify({
        format: 'shiftdesk/unsynced-changes',
        version: 1,
        exportedAt: 1,
        workspaceId: 'wsp_other',
        user: { id: 'usr_agent', name: 'Sam' },
        changes: [],
      }),
      /another team/,
    ],
  ])('refuses %s with a reason, touching nothing', async (_label, text, reason) => {
    const error = await importUnsyncedChanges(spare, sam, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(reason);
    expect(await spare.local.importedOutbox.count()).toBe(0);
  });
});
