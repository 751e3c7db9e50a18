import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionUser } from '#shared/api/auth';
import type { Message } from '#shared/domain/message';
import { ACTIVE_STATUSES, type Ticket } from '#shared/domain/ticket';
import type { MutationArgs, MutationName } from '#shared/sync/mutators/registry';
import { mergeFaults, mergeMap } from '#shared/testing/merge-invariants';
import { SeededRandom } from '#shared/util/seeded-random';
import { peekSyncState } from '../../renderer/src/db/sync-state.ts';
import { mutate } from '../../renderer/src/sync/mutate.ts';
import { runSuggestedChange } from '../../renderer/src/sync/run-change.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-content.ts';
import { checkInvariants } from './invariants.ts';
import { SimBackend } from './sim-backend.ts';
import { SimClient } from './sim-client.ts';
import { SimTransport } from './sim-transport.ts';

/**
 * Two agents merge the same flood offline, through the real client sync code
 * (IndexedDB on fake-indexeddb, outbox, rebase) against the real server on
 * PGlite; the pure model of the same cases, in every order, is
 * shared/sync/mutators/merge/offline-merges.test.ts.
 */

let backend: SimBackend | undefined;
const devices: SimClient[] = [];
afterEach(async () => {
  for (const device of devices.splice(0)) await device.db.delete();
  await backend?.stop();
  backend = undefined;
});

async function device(name: string, email: string): Promise<SimClient> {
  if (!backend) throw new Error('no backend');
  const server = backend;
  const transport = new SimTransport(() => server.instanceFor(0), new SeededRandom(1), email);
  const session = await transport.signIn(DEMO_PASSWORD);
  let n = 0;
  const created = new SimClient(name, SessionUser.parse(session.user), transport, () => `${name}-${++n}`);
  await created.init();
  await created.core.pullUntilCurrent();
  devices.push(created);
  return created;
}

/** Records the device's latest change, so the invariants can tell it was processed exactly once. */
async function recordLatest(on: SimClient): Promise<void> {
  const state = await peekSyncState(on.db);
  on.created.push(`${state?.clientId}:${(state?.nextMutationId ?? 0) - 1}`);
}

async function change<N extends MutationName>(on: SimClient, name: N, args: MutationArgs<N>): Promise<void> {
  await mutate(on.db, on.user, name, args);
  await recordLatest(on);
}

/** Back online: the device catches up (its pending changes rebased on the server's rows), then pushes. */
async function reconnect(on: SimClient): Promise<void> {
  on.transport.connected = true;
  await on.core.pullUntilCurrent();
  while ((await on.core.pushBatch()) === 'more');
  await on.core.pullUntilCurrent();
}

async function serverTickets(): Promise<Ticket[]> {
  const rows = await (backend?.db.query<{ data: Ticket }>(
    "select data from sync_rows where workspace_id = 'wsp_demo' and entity = 'ticket' and not deleted",
  ) ?? []);
  return rows.map((row) => row.data);
}

async function serverMessage(id: string): Promise<Message | undefined> {
  const [row] =
    (await backend?.db.query<{ data: Message }>(
      "select data from sync_rows where workspace_id = 'wsp_demo' and entity = 'message' and id = $1 and not deleted",
      [id],
    )) ?? [];
  return row?.data;
}

describe('merges made offline on two devices, through the real sync engine and server', () => {
  it.each(['A first', 'B first'] as const)(
    'A merges two duplicates into X; B merges X into one of them and replies on the other (%s back online)',
    async (order) => {
      backend = await SimBackend.start({ kind: 'pglite', tickets: 30, archivedTickets: 0, pageRows: 500 });
      const a = await device('merge-a', 'agent@demo.shiftdesk.test');
      const b = await device('merge-b', 'lead@demo.shiftdesk.test');

      // Three open tickets from three different people: the flood.
      const open = (await a.db.rows('ticket').toArray())
        .filter((ticket) => ACTIVE_STATUSES.has(ticket.status) && ticket.number !== undefined)
        .filter((ticket, index, all) => all.findIndex((t) => t.requesterEmail === ticket.requesterEmail) === index)
        .sort((x, y) => (x.id < y.id ? -1 : 1));
      const [x, dup1, dup2] = open;
      if (!x || !dup1 || !dup2) throw new Error('the demo seed has too few open tickets');

      a.transport.connected = false;
      b.transport.connected = false;
      await change(a, 'mergeTickets', { targetId: x.id, sourceIds: [dup1.id, dup2.id] });
      await change(b, 'mergeTickets', { targetId: dup1.id, sourceIds: [x.id] });
      await change(b, 'addMessage', {
        messageId: 'msg_offline_b',
        ticketId: dup2.id,
        kind: 'reply',
        body: 'Sorry, a fix is on its way.',
      });
      // Offline, each device shows its own merge at once.
      expect(mergeMap(await a.db.rows('ticket').toArray())).toEqual({ [x.id]: [dup1.id, dup2.id] });
      expect(mergeMap(await b.db.rows('ticket').toArray())).toEqual({ [dup1.id]: [x.id] });

      const [first, second] = order === 'A first' ? [a, b] : [b, a];
      await reconnect(first);
      await reconnect(second);
      await first.core.pullUntilCurrent();

      expect(await checkInvariants(backend.db, [a, b], null)).toEqual([]);
      const tickets = await serverTickets();
      expect(mergeFaults(tickets)).toEqual([]);
      const rejections = await b.db.rows('rejection').toArray();

      if (order === 'A first') {
        // B's merge of X into dup1 followed dup1 to where it went (X): nothing to do, nothing refused.
        expect(mergeMap(tickets)).toEqual({ [x.id]: [dup1.id, dup2.id] });
        // B's reply on dup2 came too late; it is refused, with a way to add it where the conversation went.
        expect(rejections.map((r) => [r.name, r.code, r.resolutions.map((way) => way.label)])).toEqual([
          ['addMessage', 'conflict', [`Add it to #${x.number}`]],
        ]);
        expect(await serverMessage('msg_offline_b')).toBeUndefined();
        const forward = rejections[0]?.resolutions[0]?.mutation;
        expect(await runSuggestedChange(b.db, b.user, forward?.name ?? '', forward?.args)).toBeNull();
        await recordLatest(b);
        await reconnect(b);
        await a.core.pullUntilCurrent();
        expect(await checkInvariants(backend.db, [a, b], null)).toEqual([]);
        // Nothing lost: the reply is on X and reaches all three requesters, each once.
        const reply = await serverMessage('msg_offline_b');
        expect(reply?.ticketId).toBe(x.id);
        expect(reply?.recipients?.map((r) => r.email)).toEqual([
          x.requesterEmail,
          dup1.requesterEmail,
          dup2.requesterEmail,
        ]);
      } else {
        // B's merge landed first; A's merge into X followed X into dup1, so dup2 joined dup1 too.
        expect(mergeMap(tickets)).toEqual({ [dup1.id]: [x.id, dup2.id] });
        expect(rejections).toEqual([]);
        const reply = await serverMessage('msg_offline_b');
        expect([reply?.ticketId, reply?.recipients?.map((r) => r.email)]).toEqual([dup2.id, [dup2.requesterEmail]]);
      }
    },
  );
});
