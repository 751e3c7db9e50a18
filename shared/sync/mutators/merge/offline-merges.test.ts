import { describe, expect, it } from 'vitest';
import { UserId } from '../../../domain/ids.ts';
import type { Message } from '../../../domain/message.ts';
import type { MemoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { mergeFaults, mergeMap } from '../../../testing/merge-invariants.ts';
import { T, mergeWorldRows } from '../../../testing/merge-world.ts';
import { DeviceModel, ServerModel } from '../../../testing/offline-devices.ts';

/**
 * Two agents work the same flood offline, each on their own copy; then both
 * come back. The server runs their changes in arrival order; the device that
 * comes back second first pulls (its pending changes replayed on the
 * server's rows), then pushes. Whatever the order, all three must end up
 * alike, every requester reached from exactly one canonical ticket, every
 * message either kept or refused with a way to put it where it belongs.
 */

type Change = [name: string, args: object];

const mergeInto = (targetId: string, ...sourceIds: string[]): Change => ['mergeTickets', { targetId, sourceIds }];
const unmerge = (ticketId: string): Change => ['unmergeTicket', { ticketId }];
const replyOn = (ticketId: string, messageId: string): Change => [
  'addMessage',
  { messageId, ticketId, kind: 'reply', body: 'We are on it, sorry for the trouble.' },
];

interface Outcome {
  /** Canonical → merged tickets once both devices synced. */
  map: Record<string, string[]>;
  /** Refusals, as "device change: code (ways forward)". */
  rejected?: string[];
  /** The merges once each refused agent took the way forward offered. */
  resolved?: Record<string, string[]>;
  /** Message → [ticket it is on, who it went to], in the end. */
  messages?: Record<string, [string, string[]]>;
  statuses?: Record<string, string>;
}

/** What the agent sees of the merges: compared between a device's prediction and the server's result. */
function view(store: MemoryMutatorTx) {
  const tickets = [...store.rows.entries()].filter(([key]) => key.startsWith('ticket/')).map(([, row]) => row);
  const messages = [...store.rows.entries()]
    .filter(([key]) => key.startsWith('message/'))
    .map(([, row]) => row as Message)
    .map((message) => [message.id, message.ticketId, (message.recipients ?? []).map((r) => r.email)]);
  return {
    map: mergeMap(tickets as never),
    statuses: Object.fromEntries((tickets as { id: string; status: string }[]).map((t) => [t.id, t.status])),
    messages,
  };
}

async function sync(first: DeviceModel, second: DeviceModel, server: ServerModel) {
  await first.push(server);
  await first.pull(server);
  // The second device catches up before it pushes: its pending changes land on what the first did.
  await second.pull(server);
  const predicted = view(second.store);
  await second.push(server);
  await second.pull(server);
  await first.pull(server);
  return predicted;
}

function expectConverged(a: DeviceModel, b: DeviceModel, server: ServerModel) {
  expect(a.outbox).toEqual([]);
  expect(b.outbox).toEqual([]);
  expect(a.store.rows).toEqual(server.store.rows);
  expect(b.store.rows).toEqual(server.store.rows);
  expect(mergeFaults(server.tickets())).toEqual([]);
}

const SCENARIOS: [label: string, scene: Change[], a: Change[], b: Change[], aFirst: Outcome, bFirst: Outcome][] = [
  [
    'both merge the same duplicates into the same target',
    [],
    [mergeInto(T.target, T.dup1, T.dup2)],
    [mergeInto(T.target, T.dup1, T.dup2)],
    { map: { [T.target]: [T.dup1, T.dup2] } },
    { map: { [T.target]: [T.dup1, T.dup2] } },
  ],
  [
    'both merge overlapping duplicates into the same target',
    [],
    [mergeInto(T.target, T.dup1, T.dup2)],
    [mergeInto(T.target, T.dup2, T.dup3)],
    { map: { [T.target]: [T.dup1, T.dup2, T.dup3] } },
    { map: { [T.target]: [T.dup2, T.dup3, T.dup1] } },
  ],
  [
    'both merge the same duplicates into different targets',
    [],
    [mergeInto(T.target, T.dup1, T.dup2)],
    [mergeInto(T.other, T.dup1, T.dup2)],
    { map: { [T.target]: [T.dup1, T.dup2] }, rejected: ['device-b mergeTickets: conflict ()'] },
    { map: { [T.other]: [T.dup1, T.dup2] }, rejected: ['device-a mergeTickets: conflict ()'] },
  ],
  [
    'both merge overlapping duplicates into different targets: the rest can still go',
    [],
    [mergeInto(T.target, T.dup1, T.dup2)],
    [mergeInto(T.other, T.dup2, T.dup3)],
    {
      map: { [T.target]: [T.dup1, T.dup2] },
      rejected: ['device-b mergeTickets: conflict (Merge the other 1)'],
      resolved: { [T.target]: [T.dup1, T.dup2], [T.other]: [T.dup3] },
    },
    {
      map: { [T.other]: [T.dup2, T.dup3] },
      rejected: ['device-a mergeTickets: conflict (Merge the other 1)'],
      resolved: { [T.target]: [T.dup1], [T.other]: [T.dup2, T.dup3] },
    },
  ],
  [
    'A merges X into Y while B merges Y into X: the first to arrive decides',
    [],
    [mergeInto(T.target, T.dup1)],
    [mergeInto(T.dup1, T.target)],
    { map: { [T.target]: [T.dup1] } },
    { map: { [T.dup1]: [T.target] } },
  ],
  [
    'each merges the other’s target away: everything ends up in one ticket',
    [],
    [mergeInto(T.target, T.dup1, T.dup2)],
    [mergeInto(T.other, T.dup3, T.target)],
    { map: { [T.other]: [T.dup3, T.dup1, T.dup2, T.target] } },
    { map: { [T.other]: [T.dup3, T.target, T.dup1, T.dup2] } },
  ],
  [
    'A merges a canonical ticket away while B unmerges one of its duplicates',
    [mergeInto(T.other, T.dup1)],
    [mergeInto(T.target, T.other)],
    [unmerge(T.dup1)],
    { map: { [T.target]: [T.other] }, statuses: { [T.dup1]: 'new', [T.other]: 'closed' } },
    { map: { [T.target]: [T.other] }, statuses: { [T.dup1]: 'new', [T.other]: 'closed' } },
  ],
  [
    'A merges a duplicate into another ticket while B unmerges it: the last to arrive decides',
    [mergeInto(T.target, T.dup1)],
    [unmerge(T.dup1), mergeInto(T.other, T.dup1)],
    [unmerge(T.dup1)],
    { map: {}, statuses: { [T.dup1]: 'new' } },
    { map: { [T.other]: [T.dup1] }, statuses: { [T.dup1]: 'closed' } },
  ],
  [
    'A merges while B replies on the duplicate: the reply is refused with a way to send it on the target',
    [],
    [mergeInto(T.target, T.dup1)],
    [replyOn(T.dup1, 'msg_b')],
    {
      map: { [T.target]: [T.dup1] },
      rejected: ['device-b addMessage: conflict (Add it to #101)'],
      messages: { msg_b: [T.target, ['ana@acme.example', 'ben@globex.example']] },
    },
    { map: { [T.target]: [T.dup1] }, messages: { msg_b: [T.dup1, ['ben@globex.example']] } },
  ],
  [
    'A merges while B replies on the target: the server decides who the reply reaches',
    [],
    [mergeInto(T.target, T.dup1)],
    [replyOn(T.target, 'msg_b')],
    {
      map: { [T.target]: [T.dup1] },
      messages: { msg_b: [T.target, ['ana@acme.example', 'ben@globex.example']] },
    },
    { map: { [T.target]: [T.dup1] }, messages: { msg_b: [T.target, ['ana@acme.example']] } },
  ],
];

describe('merges made on two devices while offline', () => {
  it.each(
    SCENARIOS.flatMap(([label, scene, a, b, aFirst, bFirst]) => [
      [label, 'A first', scene, a, b, aFirst] as const,
      [label, 'B first', scene, a, b, bFirst] as const,
    ]),
  )('%s (%s back online)', async (_, order, scene, aChanges, bChanges, expected) => {
    const server = new ServerModel(mergeWorldRows());
    const lead = new DeviceModel('setup', { id: UserId.parse('usr_lead'), role: 'lead' }, server, 1_000);
    for (const [name, args] of scene) expect(await lead.mutate(name, args)).toBeNull();
    await lead.push(server);

    const a = new DeviceModel('device-a', { id: UserId.parse('usr_agent'), role: 'agent' }, server, 20_000);
    const b = new DeviceModel('device-b', { id: UserId.parse('usr_analyst'), role: 'analyst' }, server, 30_000);
    for (const [name, args] of aChanges) expect((await a.mutate(name, args))?.message).toBeUndefined();
    for (const [name, args] of bChanges) expect((await b.mutate(name, args))?.message).toBeUndefined();
    // Offline, each device's own copy is sound.
    expect(mergeFaults(a.tickets())).toEqual([]);
    expect(mergeFaults(b.tickets())).toEqual([]);

    const [first, second] = order === 'A first' ? [a, b] : [b, a];
    const predicted = await sync(first, second, server);
    // What the second device showed after catching up is what the server then did with its changes.
    expect(view(second.store)).toEqual(predicted);
    expectConverged(a, b, server);
    expect(mergeMap(server.tickets())).toEqual(expected.map);
    for (const [id, status] of Object.entries(expected.statuses ?? {}))
      expect([id, server.store.rows.get(`ticket/${id}`)]).toEqual([id, expect.objectContaining({ status })]);

    const rejected = [a, b].flatMap((device) =>
      device
        .rejections(server)
        .map((r) => `${device.clientId} ${r.name}: ${r.code} (${r.resolutions.map((x) => x.label).join(', ')})`),
    );
    expect(rejected).toEqual(expected.rejected ?? []);

    // Each refused agent takes the way forward offered; then nothing any agent wrote is missing.
    for (const device of [a, b]) {
      for (const rejection of device.rejections(server)) {
        const forward = rejection.resolutions[0]?.mutation;
        if (forward) expect(await device.mutate(forward.name, forward.args as object)).toBeNull();
      }
    }
    await sync(a, b, server);
    expectConverged(a, b, server);
    expect(mergeMap(server.tickets())).toEqual(expected.resolved ?? expected.map);
    const written = [...aChanges, ...bChanges].flatMap(([name, args]) =>
      name === 'addMessage' ? [(args as { messageId: string }).messageId] : [],
    );
    for (const id of written) expect(server.store.rows.has(`message/${id}`)).toBe(true);
    for (const [id, [ticketId, recipients]] of Object.entries(expected.messages ?? {})) {
      const message = server.store.rows.get(`message/${id}`) as Message | undefined;
      expect([message?.ticketId, message?.recipients?.map((r) => r.email)]).toEqual([ticketId, recipients]);
    }
  });

  it('a device offline merges, unmerges and merges again; the server ends where the device did', async () => {
    const server = new ServerModel(mergeWorldRows());
    const a = new DeviceModel('device-a', { id: UserId.parse('usr_agent'), role: 'agent' }, server, 20_000);
    const b = new DeviceModel('device-b', { id: UserId.parse('usr_lead'), role: 'lead' }, server, 30_000);
    for (const [name, args] of [
      mergeInto(T.other, T.dup1, T.dup2),
      mergeInto(T.target, T.other),
      unmerge(T.dup2),
      mergeInto(T.target, T.dup2, T.dup3),
    ])
      expect(await a.mutate(name, args)).toBeNull();
    const offline = view(a.store);
    await sync(a, b, server);
    expect(view(server.store)).toEqual(offline);
    expect(mergeMap(server.tickets())).toEqual({ [T.target]: [T.dup1, T.other, T.dup2, T.dup3] });
    expectConverged(a, b, server);
  });
});
