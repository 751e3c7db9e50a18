import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserId } from '#shared/domain/ids';
import type { PatchOp, PullResponse } from '#shared/sync/protocol';
import { MutationRejected } from '#shared/sync/rejection';
import { ticketFixture } from '#shared/testing/fixtures';
import { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { peekSyncState } from '../db/sync-state.ts';
import { applyPull } from './apply-pull.ts';
import { mutate } from './mutate.ts';

const agent = { id: UserId.parse('usr_agent'), role: 'agent' as const };
let db: ShiftdeskDb;
let dbCount = 0;

function pull(patch: PatchOp[], changes: Record<string, number> = {}, more: Partial<PullResponse> = {}): PullResponse {
  return { cookie: 'wsp_demo:9', lastMutationIdChanges: changes, patch, resume: null, progress: null, ...more };
}

async function clientId(): Promise<string> {
  const state = await peekSyncState(db);
  if (!state) throw new Error('no sync state');
  return state.clientId;
}

beforeEach(async () => {
  db = new ShiftdeskDb(`test-${++dbCount}`);
  await applyPull(
    db,
    agent,
    pull([{ op: 'clear' }, { op: 'put', entity: 'ticket', value: ticketFixture({ priority: 'normal' }) }]),
  );
});

afterEach(async () => {
  await db.delete();
});

describe('local mutations', () => {
  it('writes the change and its outbox entry together, with increasing ids', async () => {
    expect(await mutate(db, agent, 'setPriority', { ticketId: ticketFixture().id, priority: 'urgent' })).toBe(1);
    expect(await mutate(db, agent, 'setPriority', { ticketId: ticketFixture().id, priority: 'high' })).toBe(2);

    expect(await db.tickets.get(ticketFixture().id)).toMatchObject({ priority: 'high' });
    expect((await db.outbox.toArray()).map((entry) => [entry.id, entry.name, entry.args])).toEqual([
      [1, 'setPriority', { ticketId: 'tkt_000001', priority: 'urgent' }],
      [2, 'setPriority', { ticketId: 'tkt_000001', priority: 'high' }],
    ]);
    // The server's versions are kept aside for a possible rollback: the ticket as it was,
    // and "no such row" for the two history events created here.
    const shadows = await db.shadows.toArray();
    expect(shadows.map((shadow) => [shadow.key, shadow.row])).toEqual([
      ['ticket/tkt_000001', ticketFixture({ priority: 'normal' })],
      [expect.stringMatching(/^ticketEvent\/evt_.+_1$/), null],
      [expect.stringMatching(/^ticketEvent\/evt_.+_2$/), null],
    ]);
  });

  it('writes nothing at all when the rules refuse the change', async () => {
    const trainee = { ...agent, role: 'trainee' as const };
    await expect(
      mutate(db, trainee, 'setPriority', { ticketId: ticketFixture().id, priority: 'urgent' }),
    ).rejects.toBeInstanceOf(MutationRejected);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    expect(await db.tickets.get(ticketFixture().id)).toMatchObject({ priority: 'normal' });
  });
});

describe('applying pulls (rebase)', () => {
  it('drops acknowledged entries and shows the server’s confirmed row', async () => {
    await mutate(db, agent, 'setPriority', { ticketId: ticketFixture().id, priority: 'urgent' });
    const confirmed = ticketFixture({ priority: 'urgent', updatedAt: 7_000 });
    const result = await applyPull(
      db,
      agent,
      pull([{ op: 'put', entity: 'ticket', value: confirmed }], { [await clientId()]: 1 }),
    );

    expect(result).toEqual({ complete: true, pending: 0 });
    expect(await db.tickets.get(confirmed.id)).toEqual(confirmed);
    expect(await db.shadows.count()).toBe(0);
    expect((await peekSyncState(db))?.cookie).toBe('wsp_demo:9');
  });

  it('undoes a change the server rejected, and keeps the reason for the agent', async () => {
    await mutate(db, agent, 'setPriority', { ticketId: ticketFixture().id, priority: 'urgent' });
    const id = await clientId();
    const rejection = {
      id: `${id}:1`,
      clientId: id,
      mutationId: 1,
      name: 'setPriority',
      code: 'forbidden',
      message: 'No.',
      at: 8_000,
    };
    await applyPull(db, agent, pull([{ op: 'put', entity: 'rejection', value: rejection } as PatchOp], { [id]: 1 }));

    expect(await db.tickets.get(ticketFixture().id)).toMatchObject({ priority: 'normal' });
    expect(await db.ticketEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.get(`${id}:1`)).toMatchObject({ message: 'No.' });
  });

  it('keeps a pending change on top of a newer server row', async () => {
    await mutate(db, agent, 'setPriority', { ticketId: ticketFixture().id, priority: 'urgent' });
    // Someone else changed the status meanwhile; our priority change is not yet acknowledged.
    const theirs = ticketFixture({ status: 'open', updatedAt: 6_000 });
    const result = await applyPull(db, agent, pull([{ op: 'put', entity: 'ticket', value: theirs }]));

    expect(result.pending).toBe(1);
    expect(await db.tickets.get(theirs.id)).toMatchObject({ status: 'open', priority: 'urgent' });
    expect(await db.ticketEvents.count()).toBe(1);
  });

  it('deletes rows the server deleted', async () => {
    await applyPull(db, agent, pull([{ op: 'del', entity: 'ticket', id: ticketFixture().id }]));
    expect(await db.tickets.count()).toBe(0);
  });

  it('pages a full-state pull: the cookie only moves on the last page, pending changes survive', async () => {
    await mutate(db, agent, 'setPriority', { ticketId: ticketFixture().id, priority: 'low' });
    const first = await applyPull(
      db,
      agent,
      pull(
        [{ op: 'clear' }, { op: 'put', entity: 'ticket', value: ticketFixture() }],
        {},
        {
          cookie: 'wsp_demo:20',
          resume: 'page-2',
          progress: { loaded: 1, total: 2 },
        },
      ),
    );
    expect(first.complete).toBe(false);
    expect(await peekSyncState(db)).toMatchObject({ cookie: 'wsp_demo:9', resume: 'page-2' });
    expect(await db.tickets.get(ticketFixture().id)).toMatchObject({ priority: 'low' });

    const second = ticketFixture({ id: 'tkt_000002' as never });
    const last = await applyPull(
      db,
      agent,
      pull(
        [{ op: 'put', entity: 'ticket', value: second }],
        {},
        { cookie: 'wsp_demo:20', progress: { loaded: 2, total: 2 } },
      ),
    );
    expect(last).toEqual({ complete: true, pending: 1 });
    expect(await peekSyncState(db)).toMatchObject({ cookie: 'wsp_demo:20', resume: null });
    expect(await db.tickets.count()).toBe(2);
  });
});
