import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserId } from '#shared/domain/ids';
import type { PullResponse } from '#shared/sync/protocol';
import { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { readSyncState } from '../db/sync-state.ts';
import type { ApiClient } from './api-client.ts';
import { SyncEngine } from './sync-engine.ts';

/** The engine also opens a WebSocket for pokes; this one never connects (Node 20 has none). */
class SilentWebSocket {
  static readonly OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: (() => void) | null = null;
  onclose: (() => void) | null = null;
  close(): void {}
  send(): void {}
}

const agent = { id: UserId.parse('usr_agent'), role: 'agent' as const };
let db: ShiftdeskDb;

beforeEach(() => {
  vi.stubGlobal('WebSocket', SilentWebSocket);
  // The engine listens for the browser's 'online' event.
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('removeEventListener', () => undefined);
  db = new ShiftdeskDb(`engine-${Math.random()}`);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

/**
 * A server stand-in at the network boundary: it processes pushes in order like
 * the real one and acknowledges them through pulls.
 */
function fakeServer() {
  let processed = 0;
  const pushes: number[][] = [];
  const api: ApiClient = {
    login: () => Promise.reject(new Error('unused')),
    logout: () => Promise.resolve(),
    push: async ({ mutations }) => {
      pushes.push(mutations.map((m) => m.id));
      for (const m of mutations) if (m.id === processed + 1) processed = m.id;
      return { lastMutationId: processed };
    },
    pull: async (): Promise<PullResponse> => {
      const { clientId } = await db.transaction('r', db.meta, () => readSyncState(db));
      return {
        cookie: 'c:e:1',
        lastMutationIdChanges: { [clientId]: processed },
        patch: [],
        resume: null,
        progress: null,
      };
    },
  };
  return { api, pushes };
}

function engineFor(api: ApiClient): SyncEngine {
  return new SyncEngine({ db, api, actor: agent, serverUrl: 'http://x', token: 't', onSessionEnded: () => undefined });
}

describe('sync engine', () => {
  it('works through a backlog larger than one push, sending each mutation once', async () => {
    await db.transaction('rw', db.syncTables(), async () => {
      const state = await readSyncState(db);
      await db.outbox.bulkAdd(
        Array.from({ length: 1_200 }, (_, i) => ({ id: i + 1, name: 'setPriority', args: {}, createdAt: 1 })),
      );
      await db.meta.put({ key: 'sync', value: { ...state, nextMutationId: 1_201 } });
    });
    const server = fakeServer();
    const engine = engineFor(server.api);
    await engine.start();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0), { timeout: 10_000 });
    engine.stop();

    expect(server.pushes.map((batch) => [batch[0], batch.at(-1), batch.length])).toEqual([
      [1, 500, 500],
      [501, 1_000, 500],
      [1_001, 1_200, 200],
    ]);
  });

  it('stops cleanly when stopped before it finished starting (React StrictMode)', async () => {
    const server = fakeServer();
    const engine = engineFor(server.api);
    const starting = engine.start();
    engine.stop();
    await starting;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.pushes).toEqual([]);
  });
});
