import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserId } from '#shared/domain/ids';
import { type PatchOp, type PullResponse, parsePullResponse } from '#shared/sync/protocol';
import { MutationRejected } from '#shared/sync/rejection';
import { ticketFixture } from '#shared/testing/fixtures';
import { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { peekSyncState } from '../db/sync-state.ts';
import { applyPull } from './apply-pull.ts';
import { dismissRejection, loadRecentRejections } from '../features/sync/rejections.ts';
import { mutate, mutateBatch } from './mutate.ts';

const agent = { id: UserId.parse('usr_agent'), role: 'agent' as const };
const TICKET = ticketFixture().id;
let db: ShiftdeskDb;
let dbCount = 0;

function pull(patch: PatchOp[], changes: Record<string, number> = {}, more: Partial<PullResponse> = {}): PullResponse {
  return {
    cookie: 'wsp_demo:e:9',
    lastMutationIdChanges: changes,
    patch,
    resume: null,
    progress: null,
    revisited: [],
    setAside: [],
    ...more,
  };
}

async function syncState() {
  const state = await peekSyncState(db);
  if (!state) throw new Error('no sync state');
  return state;
}

/** Applies a response as the sync engine does: against the state its request was based on. */
async function applyNow(response: PullResponse) {
  const { cookie, resume } = await syncState();
  return applyPull(db, agent, { cookie, resume, requestedAt: Date.now() }, response);
}

const setPriority = (priority: 'urgent' | 'high' | 'normal' | 'low') =>
  mutate(db, agent, 'setPriority', { ticketId: TICKET, priority });

beforeEach(async () => {
  db = new ShiftdeskDb(`test-${++dbCount}`);
  await applyPull(
    db,
    agent,
    { cookie: null, resume: null, requestedAt: 0 },
    pull([{ op: 'clear' }, { op: 'put', entity: 'ticket', value: ticketFixture({ priority: 'normal' }) }]),
  );
});

afterEach(async () => {
  await db.delete();
});

describe('local mutations', () => {
  it('writes the change and its outbox entry together, with increasing ids', async () => {
    expect(await setPriority('urgent')).toBe(1);
    expect(await setPriority('high')).toBe(2);

    expect(await db.rows('ticket').get(TICKET)).toMatchObject({ priority: 'high' });
    expect((await db.local.outbox.toArray()).map((entry) => [entry.id, entry.name, entry.args])).toEqual([
      [1, 'setPriority', { ticketId: TICKET, priority: 'urgent' }],
      [2, 'setPriority', { ticketId: TICKET, priority: 'high' }],
    ]);
    // The server's versions are kept aside for a possible rollback: the ticket as it was,
    // and "no such row" for the two history events created here.
    const shadows = await db.local.shadows.toArray();
    expect(shadows.map((shadow) => [shadow.key, shadow.row])).toEqual([
      [`ticket/${TICKET}`, ticketFixture({ priority: 'normal' })],
      [expect.stringMatching(/^ticketEvent\/evt_.+_1$/), null],
      [expect.stringMatching(/^ticketEvent\/evt_.+_2$/), null],
    ]);
  });

  it('writes nothing at all when the rules refuse the change', async () => {
    const trainee = { ...agent, role: 'trainee' as const };
    await expect(mutate(db, trainee, 'setPriority', { ticketId: TICKET, priority: 'urgent' })).rejects.toBeInstanceOf(
      MutationRejected,
    );
    expect(await db.local.outbox.count()).toBe(0);
    expect(await db.local.shadows.count()).toBe(0);
    expect(await db.rows('ticket').get(TICKET)).toMatchObject({ priority: 'normal' });
  });
});

describe('a bulk change', () => {
  const OTHER = ticketFixture({ id: 'tkt_000002' as never }).id;
  const HELD = ticketFixture({ id: 'tkt_000003' as never }).id;

  beforeEach(async () => {
    await applyNow(
      pull([
        { op: 'put', entity: 'ticket', value: ticketFixture({ id: OTHER, priority: 'low' }) },
        { op: 'put', entity: 'ticket', value: ticketFixture({ id: HELD, assigneeId: UserId.parse('usr_other') }) },
      ]),
    );
  });

  it('writes one outbox entry per ticket in one transaction, with consecutive ids', async () => {
    const outcome = await mutateBatch(db, agent, [
      { name: 'setPriority', args: { ticketId: TICKET, priority: 'urgent' } },
      { name: 'setPriority', args: { ticketId: OTHER, priority: 'urgent' } },
    ]);
    expect(outcome).toEqual({ applied: [0, 1], refused: [] });
    expect((await db.local.outbox.toArray()).map((entry) => [entry.id, entry.args])).toEqual([
      [1, { ticketId: TICKET, priority: 'urgent' }],
      [2, { ticketId: OTHER, priority: 'urgent' }],
    ]);
    expect((await syncState()).nextMutationId).toBe(3);
  });

  it('leaves out what the rules refuse, says why, and applies the rest', async () => {
    const outcome = await mutateBatch(db, agent, [
      { name: 'claimTicket', args: { ticketId: TICKET } },
      { name: 'claimTicket', args: { ticketId: HELD } },
      { name: 'claimTicket', args: { ticketId: OTHER } },
    ]);
    expect(outcome.applied).toEqual([0, 2]);
    expect(outcome.refused).toEqual([{ index: 1, message: expect.stringContaining('claimed this ticket first') }]);
    expect((await db.local.outbox.toArray()).map((entry) => entry.id)).toEqual([1, 2]);
    expect(await db.rows('ticket').get(HELD)).toMatchObject({ assigneeId: 'usr_other' });
  });
});

describe('applying pulls (rebase)', () => {
  it('drops acknowledged entries and shows the server’s confirmed row', async () => {
    await setPriority('urgent');
    const confirmed = ticketFixture({ priority: 'urgent', updatedAt: 7_000 });
    const { clientId } = await syncState();
    expect((await applyNow(pull([{ op: 'put', entity: 'ticket', value: confirmed }], { [clientId]: 1 }))).outcome).toBe(
      'complete',
    );

    expect(await db.rows('ticket').get(TICKET)).toEqual(confirmed);
    expect(await db.local.outbox.count()).toBe(0);
    expect(await db.local.shadows.count()).toBe(0);
    expect(await syncState()).toMatchObject({ cookie: 'wsp_demo:e:9', ackedThrough: 1 });
  });

  it('undoes a change the server rejected, and keeps the reason for the agent', async () => {
    await setPriority('urgent');
    const { clientId } = await syncState();
    const rejection = {
      id: `${clientId}:1`,
      clientId,
      mutationId: 1,
      name: 'setPriority',
      code: 'forbidden',
      message: 'No.',
      at: Date.now(),
      subject: { entity: 'ticket', id: TICKET },
      resolutions: [],
    };
    await applyNow(pull([{ op: 'put', entity: 'rejection', value: rejection } as PatchOp], { [clientId]: 1 }));

    expect(await db.rows('ticket').get(TICKET)).toMatchObject({ priority: 'normal' });
    expect(await db.rows('ticketEvent').count()).toBe(0);
    expect(await db.local.outbox.count()).toBe(0);
    expect(await db.rows('rejection').get(`${clientId}:1`)).toMatchObject({ message: 'No.' });

    expect((await loadRecentRejections(db)).map((r) => r.id)).toEqual([`${clientId}:1`]);

    // A dismissed notice stays dismissed when a full pull sends it again.
    await dismissRejection(db, `${clientId}:1`, 9_000);
    await applyNow(pull([{ op: 'clear' }, { op: 'put', entity: 'rejection', value: rejection } as PatchOp]));
    expect(await db.rows('rejection').get(`${clientId}:1`)).toEqual(rejection);
    expect(await loadRecentRejections(db)).toEqual([]);
  });

  it('keeps a pending change on top of a newer server row', async () => {
    await setPriority('urgent');
    // Someone else changed the status meanwhile; our priority change is not yet acknowledged.
    const theirs = ticketFixture({ status: 'open', updatedAt: 6_000 });
    await applyNow(pull([{ op: 'put', entity: 'ticket', value: theirs }]));

    expect(await db.local.outbox.count()).toBe(1);
    expect(await db.rows('ticket').get(TICKET)).toMatchObject({ status: 'open', priority: 'urgent' });
    expect(await db.rows('ticketEvent').count()).toBe(1);
  });

  it('deletes rows the server deleted', async () => {
    await applyNow(pull([{ op: 'del', entity: 'ticket', id: TICKET }]));
    expect(await db.rows('ticket').count()).toBe(0);
  });

  it('pages a full-state pull: the cookie only moves on the last page, pending changes survive', async () => {
    await setPriority('low');
    const page = { cookie: 'wsp_demo:e:20', progress: { loaded: 1, total: 2 } };
    const first = await applyNow(
      pull(
        [{ op: 'clear' }, { op: 'put', entity: 'ticket', value: ticketFixture() }],
        {},
        { ...page, resume: 'page-2' },
      ),
    );
    expect(first.outcome).toBe('partial');
    // The old cookie describes data the clear removed: it goes, so a refused resume token restarts the download.
    expect(await syncState()).toMatchObject({ cookie: null, resume: 'page-2' });
    expect(await db.rows('ticket').get(TICKET)).toMatchObject({ priority: 'low' });

    const second = ticketFixture({ id: 'tkt_000002' as never });
    expect((await applyNow(pull([{ op: 'put', entity: 'ticket', value: second }], {}, page))).outcome).toBe('complete');
    expect(await syncState()).toMatchObject({ cookie: 'wsp_demo:e:20', resume: null });
    expect(await db.rows('ticket').count()).toBe(2);
    expect(await db.local.outbox.count()).toBe(1);
  });

  it('ignores a response that no longer fits the local state (another tab synced meanwhile)', async () => {
    const staleBase = { cookie: 'wsp_demo:e:3', resume: null, requestedAt: 0 };
    const outcome = await applyPull(
      db,
      agent,
      staleBase,
      pull([{ op: 'del', entity: 'ticket', id: TICKET }], {}, { cookie: 'wsp_demo:e:4' }),
    );
    expect(outcome.outcome).toBe('stale');
    expect(await db.rows('ticket').count()).toBe(1);
    expect((await syncState()).cookie).toBe('wsp_demo:e:9');
  });

  it('starts over as a new client, keeping pending changes, when the server forgot confirmed mutations', async () => {
    await setPriority('urgent');
    await setPriority('high');
    const before = await syncState();
    await applyNow(pull([], { [before.clientId]: 1 })); // the server confirmed #1
    await setPriority('low'); // #3 pending, with #2

    // The server was restored from an older backup: it now claims to know nothing of us.
    expect((await applyNow(pull([], { [before.clientId]: 0 }))).outcome).toBe('server_regressed');

    const after = await syncState();
    expect(after.clientId).not.toBe(before.clientId);
    expect(after).toMatchObject({ cookie: null, resume: null, ackedThrough: 0, nextMutationId: 3 });
    expect(
      (await db.local.outbox.toArray()).map((entry) => [entry.id, (entry.args as { priority: string }).priority]),
    ).toEqual([
      [1, 'high'],
      [2, 'low'],
    ]);
  });
});

describe('rows this device cannot accept', () => {
  it('sets a bad row aside with its reason, stores every other row, and lets a valid version replace it', async () => {
    const bad = { ...ticketFixture({ id: 'tkt_bad' as never }), requesterEmail: '<script>' };
    const good = ticketFixture({ id: 'tkt_good' as never });
    const parsed = parsePullResponse({
      cookie: 'wsp_demo:e:10',
      lastMutationIdChanges: {},
      patch: [
        { op: 'put', entity: 'ticket', value: bad },
        { op: 'put', entity: 'ticket', value: good },
      ],
      resume: null,
      progress: null,
    });
    expect((await applyNow(parsed)).outcome).toBe('complete');
    expect(await db.rows('ticket').get('tkt_good')).toEqual(good);
    expect(await db.rows('ticket').get('tkt_bad')).toBeUndefined();
    expect(await db.local.setAside.toArray()).toEqual([
      expect.objectContaining({
        key: 'ticket/tkt_bad',
        problem: expect.stringContaining('requesterEmail'),
        reported: false,
      }),
    ]);
    expect((await syncState()).cookie).toBe('wsp_demo:e:10');

    const fixed = ticketFixture({ id: 'tkt_bad' as never });
    await applyNow(pull([{ op: 'put', entity: 'ticket', value: fixed }]));
    expect(await db.rows('ticket').get('tkt_bad')).toEqual(fixed);
    expect(await db.local.setAside.count()).toBe(0);
  });
});

describe('paged catch-up', () => {
  it('keeps pending changes visible on every page and rebases once, on the last page', async () => {
    await setPriority('urgent');
    const { clientId } = await syncState();
    const serverTicket = ticketFixture({ priority: 'urgent', status: 'open', updatedAt: 9_000 });
    // Page 1 brings the server's newer row (with our change applied by the server), no acknowledgement yet.
    const first = await applyNow(
      pull(
        [{ op: 'put', entity: 'ticket', value: serverTicket }],
        {},
        { resume: 'p2', progress: { loaded: 1, total: 2 } },
      ),
    );
    expect(first.outcome).toBe('partial');
    // Not rebased: the live row is still the optimistic one, the server's row waits in the shadow.
    expect(await db.rows('ticket').get(TICKET)).toMatchObject({ priority: 'urgent', status: 'new' });
    expect((await db.local.shadows.get(`ticket/${TICKET}`))?.row).toEqual(serverTicket);

    const last = await applyNow(pull([], { [clientId]: 1 }, { progress: { loaded: 2, total: 2 } }));
    expect(last.outcome).toBe('complete');
    expect(await db.rows('ticket').get(TICKET)).toEqual(serverTicket);
    expect(await db.local.outbox.count()).toBe(0);
  });

  it('names roots that came back into the window which this device does not hold', async () => {
    const result = await applyNow(
      pull(
        [{ op: 'put', entity: 'ticket', value: ticketFixture({ id: 'tkt_back' as never, status: 'open' }) }],
        {},
        {
          revisited: [
            { entity: 'ticket', id: 'tkt_back' },
            { entity: 'ticket', id: TICKET },
          ],
        },
      ),
    );
    expect(result.missingRoots).toEqual([{ entity: 'ticket', id: 'tkt_back' }]);
  });
});
