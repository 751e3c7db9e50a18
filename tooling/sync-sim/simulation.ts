import 'fake-indexeddb/auto';
import { SessionUser } from '#shared/api/auth';
import type { SampleWorld } from '#shared/sync/mutator';
import { TicketId } from '#shared/domain/ids';
import { SeededRandom } from '#shared/util/seeded-random';
import { peekSyncState } from '../../renderer/src/db/sync-state.ts';
import { mutate } from '../../renderer/src/sync/mutate.ts';
import { ApiError, NetworkError } from '../../renderer/src/sync/api-client.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-content.ts';
import { writeRow } from '../../server/sync/sync-rows.ts';
import { checkInvariants } from './invariants.ts';
import { SimBackend, type SimBackendKind } from './sim-backend.ts';
import { SimClient } from './sim-client.ts';
import { type FaultRates, NO_FAULTS, ServerFault, SimTransport } from './sim-transport.ts';

export interface SimulationOptions {
  seed: number;
  operations: number;
  backend: SimBackendKind;
}

export interface SimulationReport {
  seed: number;
  operations: number;
  backend: SimBackendKind;
  /** How often each kind of step ran. */
  steps: Record<string, number>;
  mutationsCommitted: number;
  rejections: number;
  workspaceVersion: number;
}

/** The devices: one agent on two devices (export/import between them), and one of each other role. */
const DEVICES = [
  { name: 'agent-laptop', email: 'agent@demo.shiftdesk.test' },
  { name: 'agent-desktop', email: 'agent@demo.shiftdesk.test' },
  { name: 'analyst', email: 'analyst@demo.shiftdesk.test' },
  { name: 'lead', email: 'lead@demo.shiftdesk.test' },
  { name: 'trainee', email: 'trainee@demo.shiftdesk.test' },
] as const;

/** Few tickets, so devices keep colliding on the same ones (claims, status moves). */
const TICKETS = 12;
const ARCHIVED = 6;
/** Small pages, so downloads and catch-ups page (and get interrupted) all the time. */
const PAGE_ROWS = 15;

const FLAKY: FaultRates = { lostRequest: 0.03, lostResponse: 0.04, duplicatePush: 0.06, replayStalePush: 0.06 };

export function replayCommand(options: SimulationOptions): string {
  return `SIM_SEED=${options.seed} SIM_OPS=${options.operations} SIM_BACKEND=${options.backend} npx vitest run --project sync`;
}

export class SimulationFailure extends Error {
  override name = 'SimulationFailure';
}

/**
 * A deterministic, seeded run of five devices against the real server (one
 * PGlite instance, or two instances on one Postgres): random changes drawn
 * from every registered mutator, pushes and pulls at random, 2% chance per
 * step of a device dropping off or coming back, lost, duplicated and reordered
 * requests, crashes between a local write and its push, server restarts,
 * archive fetches, evictions, and changes carried between devices by file. At
 * the end the network heals, everything syncs, and the invariants must hold.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const random = new SeededRandom(options.seed);
  let idCounter = 0;
  const newId = () => `s${options.seed}-${++idCounter}`;
  const backend = await SimBackend.start({
    kind: options.backend,
    tickets: TICKETS,
    archivedTickets: ARCHIVED,
    pageRows: PAGE_ROWS,
  });
  const clients: SimClient[] = [];
  const trace: string[] = [];
  const steps: Record<string, number> = {};
  const note = (step: string, detail: string) => {
    steps[step] = (steps[step] ?? 0) + 1;
    trace.push(`${trace.length + 1}. ${detail}`);
    if (trace.length > 60) trace.shift();
  };

  try {
    for (const [index, device] of DEVICES.entries()) {
      const transport = new SimTransport(() => backend.instanceFor(index), random, device.email);
      const session = await transport.signIn(DEMO_PASSWORD);
      const client = new SimClient(`${options.seed}-${device.name}`, SessionUser.parse(session.user), transport, newId);
      await client.init();
      transport.faults = FLAKY;
      clients.push(client);
    }
    const members = await backend.db.query<{ id: string }>('select id from users order by id');
    const allTicketIds = Array.from({ length: TICKETS + ARCHIVED }, (_, i) => `tkt_${String(i + 1).padStart(6, '0')}`);
    const archivedIds = allTicketIds.slice(TICKETS);
    // Agents act on the tickets their screen shows: each device draws from what it holds.
    const worldOf = async (client: SimClient): Promise<SampleWorld> => ({
      ticketIds: (await client.db.rows('ticket').toCollection().primaryKeys()).map(String),
      memberIds: members.map((m) => m.id),
      tags: ['login', 'billing', 'outage', 'vip', 'release-4.12'],
      savedViewIds: (await client.db.rows('savedView').toCollection().primaryKeys()).map(String),
      macroIds: (await client.db.rows('macro').toCollection().primaryKeys()).map(String),
      messageIds: (await client.db.rows('message').toCollection().primaryKeys()).map(String),
      problemIds: (await client.db.rows('problem').toCollection().primaryKeys()).map(String),
      escalationIds: (await client.db.rows('escalation').toCollection().primaryKeys()).map(String),
      shiftIds: (await client.db.rows('shift').toCollection().primaryKeys()).map(String),
      handoverIds: (await client.db.rows('handover').toCollection().primaryKeys()).map(String),
      now: Date.now(),
    });

    // A device that broke: its changes went to the other device by file, and it never syncs again.
    let retired: SimClient | null = null;
    const live = () => clients.filter((c) => c !== retired);
    for (let step = 0; step < options.operations; step++) {
      const client = random.pick(live());
      const who = client.name.replace(/^\d+-/, '');
      if (random.chance(0.02)) {
        const flipped = random.pick(live());
        flipped.transport.connected = !flipped.transport.connected;
        note(
          'connectivity',
          `${flipped.name.replace(/^\d+-/, '')} ${flipped.transport.connected ? 'reconnects' : 'goes offline'}`,
        );
      }
      const roll = random.next();
      try {
        if (roll < 0.45) {
          const made = await client.mutateRandom(random, await worldOf(client));
          note(made.committed ? 'mutate' : 'refused locally', `${who} ${made.detail}`);
        } else if (roll < 0.64) {
          const outcome = await client.core.pushBatch();
          const imported = await client.core.pushImported();
          note('push', `${who} push: ${outcome}${imported ? ' + imported' : ''}`);
        } else if (roll < 0.84) {
          if (random.chance(0.5)) {
            const { result } = await client.core.pullOnce();
            note('pull', `${who} pull one page: ${result.outcome}`);
          } else {
            await client.core.pullUntilCurrent();
            note('pull', `${who} pull until current`);
          }
        } else if (roll < 0.88) {
          const ticketId = random.pick(archivedIds);
          await client.fetchRoot(ticketId);
          note('fetch', `${who} opens archived ${ticketId}`);
        } else if (roll < 0.9) {
          note('evict', `${who} evicted ${await client.evict()} roots`);
        } else if (roll < 0.93) {
          // The process dies right after a local write, before any push.
          const made = await client.mutateRandom(random, await worldOf(client));
          await client.crash();
          note('crash', `${who} ${made.detail}, then crashes before pushing`);
        } else if (roll < 0.932) {
          const index = random.int(backend.instances.length);
          await backend.restart(index);
          note('restart', `server instance ${index} restarts`);
        } else if (roll < 0.94) {
          const [from, to] = random.chance(0.5) ? [clients[0], clients[1]] : [clients[1], clients[0]];
          if (from && to && from !== retired && to !== retired) {
            await to.importChanges(await from.exportChanges());
            // Now and then the exporting device is the broken one: it is never used again.
            const breaks = retired === null && from === clients[0] && random.chance(0.3);
            if (breaks) retired = from;
            note(
              'carry',
              `${from.name.replace(/^\d+-/, '')} exports${breaks ? ' and breaks' : ''}, ${to.name.replace(/^\d+-/, '')} imports`,
            );
          }
        } else if (roll < 0.943) {
          // The team changes its sync window: every device downloads its new window.
          const days = random.pick([20, 30, 90, 200]);
          await changeSyncWindow(backend, days);
          note('window', `the team sets the sync window to ${days} days`);
        } else if (roll < 0.96) {
          // A second window of the same profile syncs for a moment (a leader handover overlapping).
          const other = client.otherWindow();
          if (random.chance(0.5)) await other.pushBatch();
          else await other.pullOnce();
          note('other window', `${who} second window syncs once`);
        } else {
          const made = await client.mutateRandom(random, await worldOf(client));
          note(made.committed ? 'mutate' : 'refused locally', `${who} ${made.detail}`);
        }
      } catch (error) {
        if (error instanceof NetworkError) {
          note('network', `${who}: ${error.message}`);
          continue;
        }
        throw explain(error, options, trace);
      }
    }

    // The network heals: everyone reconnects and syncs until nothing changes.
    const survivors = live();
    for (const client of survivors) {
      client.transport.faults = NO_FAULTS;
      client.transport.connected = true;
      await client.transport.flushStalePushes();
    }
    await settle(backend, survivors).catch((error: unknown) => {
      throw explain(error, options, trace);
    });

    const problems = backend.instances.length > 1 ? await checkFanOut(backend, survivors) : [];
    await settle(backend, survivors);
    problems.push(
      ...(await checkInvariants(
        backend.db,
        survivors,
        retired ? { device: retired, carriedTo: clients[1] ?? retired } : null,
      )),
    );
    if (problems.length > 0) {
      throw new SimulationFailure(
        `${problems.length} invariant(s) broken:\n- ${problems.slice(0, 20).join('\n- ')}\n\nReplay: ${replayCommand(options)}\nLast steps:\n${trace.join('\n')}`,
      );
    }
    const [workspace] = await backend.db.query<{ version: number }>(
      "select version from workspaces where id = 'wsp_demo'",
    );
    const [rejected] = await backend.db.query<{ n: number }>('select count(*)::int8 as n from mutation_rejections');
    return {
      seed: options.seed,
      operations: options.operations,
      backend: options.backend,
      steps,
      mutationsCommitted: clients.reduce((sum, client) => sum + client.created.length, 0),
      rejections: rejected?.n ?? 0,
      workspaceVersion: workspace?.version ?? 0,
    };
  } finally {
    for (const client of clients) await client.db.delete().catch(() => undefined);
    await backend.stop();
  }
}

/** Pushes and pulls everywhere until every outbox is empty and a whole round changes nothing. */
async function settle(backend: SimBackend, clients: readonly SimClient[]): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const [before] = await backend.db.query<{ version: number }>(
      "select version from workspaces where id = 'wsp_demo'",
    );
    for (const client of clients) {
      for (let i = 0; i < 100 && (await client.core.pushBatch()) !== 'nothing'; i++);
      for (let i = 0; i < 100 && (await client.core.pushImported()); i++);
    }
    for (const client of clients) await client.core.pullUntilCurrent();
    const [after] = await backend.db.query<{ version: number }>("select version from workspaces where id = 'wsp_demo'");
    const pending = await Promise.all(clients.map((client) => client.pending()));
    if (before?.version === after?.version && pending.every((count) => count === 0)) return;
  }
  throw new SimulationFailure('the devices did not settle within 20 rounds of push and pull');
}

/** With two instances: a commit through one pokes sockets on the other (LISTEN/NOTIFY). */
export async function changeSyncWindow(backend: SimBackend, days: number): Promise<void> {
  await backend.db.transaction(async (tx) => {
    const [row] = await tx.query<{ version: number }>(
      "update workspaces set version = version + 1 where id = 'wsp_demo' returning version",
    );
    await writeRow(tx, 'wsp_demo', 'settings', { id: 'settings', syncWindowDays: days }, row?.version ?? 0);
  });
}

async function checkFanOut(backend: SimBackend, clients: readonly SimClient[]): Promise<string[]> {
  const writer = clients[0];
  const listener = backend.instances[1];
  if (!writer || !listener) return [];
  const seen = listener.pokes.length;
  await mutate(writer.db, writer.user, 'addTag', { ticketId: TicketId.parse('tkt_000001'), tag: 'fan-out-check' });
  writer.created.push(
    `${(await peekSyncState(writer.db))?.clientId}:${(await writer.db.local.outbox.orderBy('id').last())?.id}`,
  );
  for (let i = 0; i < 10 && (await writer.core.pushBatch()) !== 'nothing'; i++);
  const deadline = Date.now() + 5_000;
  while (listener.pokes.length === seen && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await writer.core.pullUntilCurrent();
  return listener.pokes.length > seen ? [] : ['instance 1 heard no poke for a commit made through instance 0'];
}

function explain(error: unknown, options: SimulationOptions, trace: readonly string[]): Error {
  const kind =
    error instanceof ServerFault
      ? 'The server failed (5xx)'
      : error instanceof ApiError
        ? `The server refused a request (${error.status})`
        : 'An unexpected error';
  const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  return new SimulationFailure(
    `${kind}: ${message}\n\nReplay: ${replayCommand(options)}\nLast steps:\n${trace.join('\n')}`,
  );
}
