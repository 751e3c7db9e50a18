import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { SessionUser } from '#shared/api/auth';
import { SeededRandom } from '#shared/util/seeded-random';
import { peekSyncState } from '../../renderer/src/db/sync-state.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-content.ts';
import { checkInvariants } from './invariants.ts';
import { SimBackend } from './sim-backend.ts';
import { SimClient } from './sim-client.ts';
import { SimTransport } from './sim-transport.ts';
import { changeSyncWindow } from './simulation.ts';

let backend: SimBackend | undefined;
let client: SimClient | undefined;
afterEach(async () => {
  await client?.db.delete();
  await backend?.stop();
});

it('a download cut short by the team changing its window back starts over instead of patching an empty table', async () => {
  backend = await SimBackend.start({ kind: 'pglite', tickets: 30, archivedTickets: 30, pageRows: 10 });
  const server = backend;
  const transport = new SimTransport(() => server.instanceFor(0), new SeededRandom(1), 'lead@demo.shiftdesk.test');
  const session = await transport.signIn(DEMO_PASSWORD);
  let n = 0;
  client = new SimClient('window', SessionUser.parse(session.user), transport, () => `window-${++n}`);
  await client.init();
  await client.core.pullUntilCurrent();
  const first = await peekSyncState(client.db);
  expect(first?.cookie).toMatch(/:w30$/);

  // The window grows: the next pull clears and starts downloading the bigger window, page by page.
  await changeSyncWindow(backend, 200);
  const { response } = await client.core.pullOnce();
  expect(response.patch[0]).toEqual({ op: 'clear' });
  expect(response.resume).not.toBeNull();
  // Mid-download, the window goes back: the resume token (made for 200 days) is refused now, and the
  // old cookie (made for 30 days) would look valid again. It must not be used: its data was cleared.
  await changeSyncWindow(backend, 30);
  await client.core.pullUntilCurrent();

  expect(await checkInvariants(backend.db, [client], null)).toEqual([]);
  expect(await client.db.rows('ticket').count()).toBe(
    30 +
      (
        await backend.db.query<{ n: number }>(
          "select count(*)::int8 as n from sync_rows where entity = 'ticket' and data->>'status' in ('solved', 'closed') and (data->>'updatedAt')::int8 >= $1 and id > 'tkt_000030'",
          [Date.now() - 30 * 86_400_000],
        )
      )[0]!.n,
  );
});
