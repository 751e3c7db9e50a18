import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserId } from '#shared/domain/ids';
import { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { readSyncState } from '../db/sync-state.ts';
import { NetworkError } from './api-client.ts';
import type { LeaderElection } from './leader-election.ts';
import { SyncEngine } from './sync-engine.ts';
import { fakeServerApi } from './testing/fake-api.ts';
import { FakeSocket } from './testing/fake-socket.ts';

const agent = { id: UserId.parse('usr_agent'), role: 'agent' as const };
let db: ShiftdeskDb;
const windowEvents = new EventTarget();

beforeEach(() => {
  // The engine listens for the browser's online/offline events.
  vi.stubGlobal('addEventListener', windowEvents.addEventListener.bind(windowEvents));
  vi.stubGlobal('removeEventListener', windowEvents.removeEventListener.bind(windowEvents));
  FakeSocket.created = [];
  db = new ShiftdeskDb(`engine-${Math.random()}`);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const clientId = async () => (await db.transaction('r', db.local.meta, () => readSyncState(db))).clientId;

async function queueChanges(count: number): Promise<void> {
  await db.transaction('rw', db.syncTables(), async () => {
    const state = await readSyncState(db);
    await db.local.outbox.bulkAdd(
      Array.from({ length: count }, (_, i) => ({ id: i + 1, name: 'setPriority', args: {}, createdAt: 1 })),
    );
    await db.local.meta.put({ key: 'sync', value: { ...state, cookie: 'c:e:1:w30', nextMutationId: count + 1 } });
  });
}

/** A leader lock the test hands out by hand. */
function manualLeader() {
  let grant: (() => void) | null = null;
  let asked = 0;
  const election: LeaderElection = {
    run: (onLeader) => {
      asked++;
      grant = onLeader;
      return () => (grant = null);
    },
  };
  return { election, grant: () => grant?.(), asked: () => asked };
}

function engineFor(api: ReturnType<typeof fakeServerApi>['api'], leader?: LeaderElection): SyncEngine {
  return new SyncEngine({
    db,
    api,
    actor: agent,
    serverUrl: 'http://x',
    token: 't',
    leader,
    createSocket: (url) => new FakeSocket(url),
    onSessionEnded: () => undefined,
  });
}

describe('sync engine', () => {
  it('works through a backlog larger than one push, sending each mutation once', async () => {
    await queueChanges(1_200);
    const server = fakeServerApi(clientId);
    const engine = engineFor(server.api);
    await engine.start();
    await vi.waitFor(async () => expect(await db.local.outbox.count()).toBe(0), { timeout: 10_000 });
    engine.stop();
    expect(server.pushes.map((batch) => [batch[0], batch.at(-1), batch.length])).toEqual([
      [1, 500, 500],
      [501, 1_000, 500],
      [1_001, 1_200, 200],
    ]);
  });

  it('does nothing when stopped before it finished starting (React StrictMode), and works when started again', async () => {
    await queueChanges(3);
    const server = fakeServerApi(clientId);
    const leader = manualLeader();
    const engine = engineFor(server.api, leader.election);
    const starting = engine.start();
    engine.stop();
    await starting;
    // The stopped start never competed for leadership, so nothing can push.
    expect(leader.asked()).toBe(0);
    engine.request({ push: true });
    await engine.whenIdle();
    expect(server.pushes).toEqual([]);
    expect(await db.local.outbox.count()).toBe(3);

    await engine.start();
    expect(leader.asked()).toBe(1);
    leader.grant();
    await vi.waitFor(async () => expect(await db.local.outbox.count()).toBe(0));
    engine.stop();
    expect(server.pushes).toEqual([[1, 2, 3]]);
  });

  it('leaves the network to the leading window; a follower takes over when granted the lock', async () => {
    await queueChanges(2);
    const server = fakeServerApi(clientId);
    const leader = manualLeader();
    const engine = engineFor(server.api, leader.election);
    await engine.start();
    expect(engine.status.getState().role).toBe('follower');
    engine.request({ push: true, pull: true });
    await engine.whenIdle();
    expect(server.pushes).toEqual([]);

    leader.grant();
    expect(engine.status.getState().role).toBe('leader');
    await vi.waitFor(async () => expect(await db.local.outbox.count()).toBe(0));
    engine.stop();
    expect(server.pushes).toEqual([[1, 2]]);
  });

  it('reports an unreachable server, keeps the changes, and sends them on retry', async () => {
    await queueChanges(1);
    const server = fakeServerApi(clientId);
    server.failPushes(new NetworkError('Can’t reach the Shiftdesk server at http://x.'));
    const engine = engineFor(server.api);
    await engine.start();
    await vi.waitFor(() => expect(engine.status.getState().lastError?.message).toMatch(/Can’t reach/));
    expect(engine.status.getState()).toMatchObject({
      connection: 'offline',
      problem: expect.stringMatching(/saved on this device/),
    });
    expect(await db.local.outbox.count()).toBe(1);

    server.failPushes(null);
    engine.retryNow();
    await vi.waitFor(async () => expect(await db.local.outbox.count()).toBe(0));
    expect(server.pushes).toEqual([[1]]);
    engine.stop();
  });

  it('follows the live socket and the browser for its connection state', async () => {
    const server = fakeServerApi(clientId);
    const engine = engineFor(server.api);
    await engine.start();
    const socket = FakeSocket.created[0];
    if (!socket) throw new Error('no socket');
    socket.open();
    await engine.whenIdle();
    expect(engine.status.getState().connection).toBe('online');
    expect(socket.sent[0]).toEqual({ type: 'hello', token: 't' });

    socket.drop(); // the server went away
    expect(engine.status.getState().connection).toBe('offline');

    const again = await vi.waitFor(() => {
      const next = FakeSocket.created[1];
      if (!next) throw new Error('not reconnected yet');
      return next;
    });
    again.open('conn-2');
    await engine.whenIdle();
    expect(engine.status.getState().connection).toBe('online');

    windowEvents.dispatchEvent(new Event('offline')); // the network cable
    expect(engine.status.getState().connection).toBe('offline');
    engine.stop();
  });

  it('hears teammates’ presence and sends its own after every reconnect', async () => {
    const server = fakeServerApi(clientId);
    const engine = engineFor(server.api);
    await engine.start();
    const socket = FakeSocket.created[0];
    if (!socket) throw new Error('no socket');
    engine.setPresence({ ticketId: 'tkt_000001' as never, activity: 'viewing' });
    socket.open();
    expect(socket.sent).toContainEqual({ type: 'presence', state: { ticketId: 'tkt_000001', activity: 'viewing' } });
    const entry = { connectionId: 'other', userId: 'usr_lead', ticketId: 'tkt_000001', activity: 'viewing', since: 1 };
    socket.deliver({ type: 'presence', entries: [entry] });
    expect(engine.presence.getState().entries).toEqual([entry]);
    engine.stop();
  });
});
