import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { SessionUser } from '#shared/api/auth';
import { SeededRandom } from '#shared/util/seeded-random';
import { peekSyncState } from '../../renderer/src/db/sync-state.ts';
import { reportSetAsideRows } from '../../renderer/src/sync/set-aside-report.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-content.ts';
import { SimBackend } from './sim-backend.ts';
import { SimClient } from './sim-client.ts';
import { SimTransport } from './sim-transport.ts';

let backend: SimBackend | undefined;
let client: SimClient | undefined;
afterEach(async () => {
  await client?.db.delete();
  await backend?.stop();
});

async function device(name: string): Promise<SimClient> {
  if (!backend) throw new Error('no backend');
  const server = backend;
  const transport = new SimTransport(() => server.instanceFor(0), new SeededRandom(1), 'agent@demo.shiftdesk.test');
  const session = await transport.signIn(DEMO_PASSWORD);
  let n = 0;
  const created = new SimClient(name, SessionUser.parse(session.user), transport, () => `${name}-${++n}`);
  await created.init();
  return created;
}

it('a row that breaks its schema on the server is set aside and reported; everything else still syncs', async () => {
  backend = await SimBackend.start({ kind: 'pglite', tickets: 40, archivedTickets: 0, pageRows: 10 });
  // Written behind the server's back (an old bug, a manual fix gone wrong): a hostile requester email.
  await backend.db.query(
    `update sync_rows set data = jsonb_set(data, '{requesterEmail}', '"<img src=x onerror=alert(1)>"'), version = version + 0
      where entity = 'ticket' and id = 'tkt_000007'`,
  );
  client = await device('fresh');
  await client.core.pullUntilCurrent();

  expect((await peekSyncState(client.db))?.cookie).toMatch(/^wsp_demo:/);
  expect(await client.db.rows('ticket').count()).toBe(39);
  expect(await client.db.rows('ticket').get('tkt_000007')).toBeUndefined();
  const [setAside] = await client.db.local.setAside.toArray();
  expect(setAside).toMatchObject({
    key: 'ticket/tkt_000007',
    reported: false,
    problem: expect.stringContaining('requesterEmail'),
  });

  // The server hears about it (its log names the row and the reason), once.
  const state = await peekSyncState(client.db);
  if (!state) throw new Error('no sync state');
  await reportSetAsideRows(client.db, client.transport.api, state.clientGroupId);
  expect((await client.db.local.setAside.get('ticket/tkt_000007'))?.reported).toBe(true);

  // Fixed on the server, the row arrives with the next change to it and leaves the set-aside list.
  const [workspace] = await backend.db.query<{ version: number }>(
    'update workspaces set version = version + 1 returning version',
  );
  await backend.db.query(
    `update sync_rows set data = jsonb_set(data, '{requesterEmail}', '"ana@acme.example"'), version = $1
      where entity = 'ticket' and id = 'tkt_000007'`,
    [workspace?.version ?? 0],
  );
  await client.core.pullUntilCurrent();
  expect(await client.db.rows('ticket').get('tkt_000007')).toMatchObject({ requesterEmail: 'ana@acme.example' });
  expect(await client.db.local.setAside.count()).toBe(0);
});
