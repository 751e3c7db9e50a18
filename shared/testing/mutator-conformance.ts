import { UserId } from '../domain/ids.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES, type Ticket } from '../domain/ticket.ts';
import { mergedEntry } from '../sync/mutators/merge/merge-rules.ts';
import type { WorkspaceEntityName } from '../sync/entities.ts';
import type { MutationDef, MutatorTx, SampleWorld } from '../sync/mutator.ts';
import { MUTATION_NAMES, type MutationName, mutations } from '../sync/mutators/registry.ts';
import { MutationRejected } from '../sync/rejection.ts';
import { runMutation } from '../sync/run-mutation.ts';
import { SeededRandom } from '../util/seeded-random.ts';
import { ESCALATION_STATUSES } from '../domain/escalation.ts';
import { SAMPLE_VIEW_NAMES } from '../sync/mutators/saved-view/saved-view-rules.ts';
import {
  TEAM,
  contextFixture,
  escalationFixture,
  handoverFixture,
  handoverItemFixture,
  shiftFixture,
  customerFixture,
  macroFixture,
  problemFixture,
  messageFixture,
  savedViewFixture,
  ticketFixture,
} from './fixtures.ts';
import { memoryMutatorTx } from './memory-mutator-tx.ts';
import type { z } from 'zod';

/**
 * One suite, three stores: every registered mutator runs against the memory,
 * Dexie and SQL implementations of MutatorTx on the same seeded cases, and each
 * must end in the same outcome and the same rows as the memory reference. A new
 * mutator is covered the moment it is registered (through its `sample`).
 */
export type SeedRow = readonly [WorkspaceEntityName, { id: string }];

export interface ConformanceCase {
  title: string;
  mutation: MutationName;
  args: unknown;
  role: Role;
  mutationId: number;
  seed: SeedRow[];
}

export interface ConformanceOutcome {
  /** `applied`, `rejected:<code>:<message>`, or `error` for anything else (a bug in mutator or store). */
  result: string;
  /** Every row after the change, `entity/id` → row. On a rejection, the rows as they were. */
  rows: Record<string, unknown>;
}

/**
 * Runs one case on a store: seed it, run the mutation through runMutation in a
 * transaction (rolled back on failure, as push and the optimistic write do),
 * then read every row back.
 */
export type ConformanceHarness = (testCase: ConformanceCase) => Promise<ConformanceOutcome>;

const TAGS = ['login', 'billing', 'outage', 'vip'];

function seedFor(random: SeededRandom, actorId: string): SeedRow[] {
  const tickets = Array.from({ length: 4 }, (_, index) =>
    ticketFixture({
      id: `tkt_00000${index + 1}` as never,
      status: random.pick(TICKET_STATUSES),
      priority: random.pick(TICKET_PRIORITIES),
      assigneeId: random.chance(0.5) ? null : UserId.parse(random.pick(TEAM).id),
      tags: TAGS.filter(() => random.chance(0.3)),
      ...(random.chance(0.3) ? { problemId: 'prb_seed1' as never } : {}),
      ...(random.chance(0.3) ? { escalationId: random.pick(['esc_seed1', 'esc_seed2']) as never } : {}),
    }),
  );
  // Now and then the second ticket is already merged into the first, as a flood's triage leaves them.
  const [first, second] = tickets as [Ticket, Ticket, ...Ticket[]];
  if (random.chance(0.3) && first.status !== 'closed') {
    first.merged = [mergedEntry(second, contextFixture())];
    tickets[1] = {
      ...second,
      status: 'closed',
      mergedInto: { ticketId: first.id, at: 5_000, by: UserId.parse('usr_agent'), previousStatus: second.status },
    };
  }
  // Views of several owners, personal and shared, with names that may clash: every rule of theirs gets exercised.
  const views = Array.from({ length: 4 }, (_, index) =>
    savedViewFixture({
      id: `viw_seed${index + 1}` as never,
      name: random.pick(SAMPLE_VIEW_NAMES),
      ownerId: UserId.parse(random.pick(TEAM.filter((member) => member.role !== 'trainee')).id),
      visibility: random.chance(0.5) ? 'shared' : 'personal',
    }),
  );
  const macros = Array.from({ length: 3 }, (_, index) =>
    macroFixture({
      id: `mac_seed${index + 1}` as never,
      name: random.pick(['Outage apology', 'Ask for logs', 'Close out']),
      ownerId: UserId.parse(random.pick(TEAM.filter((member) => member.role !== 'trainee')).id),
      visibility: random.chance(0.5) ? 'shared' : 'personal',
    }),
  );
  const messages = tickets
    .filter(() => random.chance(0.5))
    .map((ticket, index) => messageFixture({ id: `msg_seed${index + 1}` as never, ticketId: ticket.id }));
  return [
    ...TEAM.map((member): SeedRow => ['member', member]),
    ...macros.map((macro): SeedRow => ['macro', macro]),
    ...messages.map((message): SeedRow => ['message', message]),
    ['customer', customerFixture()],
    ['customer', customerFixture({ id: 'cus_globex' as never, name: 'Globex', domain: 'globex.example' })],
    ['problem', problemFixture({ id: 'prb_seed1' as never })],
    ...escalationsFor(random).map((escalation): SeedRow => ['escalation', escalation]),
    ['shift', shiftFixture({ id: 'sft_seed1' as never, userId: UserId.parse(random.pick(TEAM).id) })],
    ...handoversFor(random, actorId).map((handover): SeedRow => ['handover', handover]),
    ...tickets.map((ticket): SeedRow => ['ticket', ticket]),
    ...views.map((view): SeedRow => ['savedView', view]),
  ];
}

/**
 * Escalations at every stage: a draft (ready or not) by someone on the team,
 * one at a random status, and one fixed with the seed tickets linked, so every
 * step (send, ask, answer, resolve, reopen, flag a regression) can apply.
 */
function escalationsFor(random: SeededRandom) {
  const author = UserId.parse(random.pick(TEAM.filter((member) => member.role !== 'trainee')).id);
  // Waiting on the agent often enough that answering has a question to answer.
  const status = random.pick([
    'needs_info',
    'needs_info',
    'needs_info',
    'needs_info',
    'sent',
    'sent',
    ...ESCALATION_STATUSES,
  ] as const);
  return [
    escalationFixture({
      id: 'esc_seed1' as never,
      createdBy: author,
      // A draft mostly; now and then already sent, waiting for an analyst to take it.
      ...(random.chance(0.3) ? { status: 'sent' as const, sentAt: 1_200 } : {}),
      ...(random.chance(0.75) ? {} : { severity: null, readyAt: undefined }),
    }),
    escalationFixture({
      id: 'esc_seed2' as never,
      status,
      ...(status === 'needs_info'
        ? {
            resumeStatus: 'acknowledged',
            questions: [{ id: 'q1', askedBy: UserId.parse('usr_analyst'), askedAt: 1_100, text: 'Which version?' }],
          }
        : {}),
      ...(status === 'fixed' || status === 'wont_fix'
        ? { resolution: { outcome: status, note: 'Fixed in 4.12.1', at: 500, by: UserId.parse('usr_analyst') } }
        : {}),
    }),
    escalationFixture({
      id: 'esc_seed3' as never,
      status: 'fixed',
      ticketIds: ['tkt_000001', 'tkt_000002'] as never,
      resolution: { outcome: 'fixed', note: 'Fixed in 4.12.1', at: 500, by: UserId.parse('usr_analyst') },
    }),
  ];
}

/**
 * Handovers at every stage: one being built by each teammate and one handed over (an unstable
 * item among its items, some acknowledged or closed). The one acting is
 * mostly its receiver, so every step (add, edit, tick, submit, acknowledge,
 * carry over) meets both its author and its receiver, and now and then someone else.
 */
function handoversFor(random: SeededRandom, actorId: string) {
  const workers = TEAM.filter((member) => member.role !== 'trainee').map((member) => UserId.parse(member.id));
  const actor = workers.find((id) => id === actorId);
  const receiver = actor && random.chance(0.7) ? actor : random.pick(workers);
  const author = random.pick(workers.filter((id) => id !== receiver));
  const acknowledged = { by: receiver, at: 2_500 };
  const building = [
    handoverItemFixture(),
    handoverItemFixture({
      id: 'i2',
      subject: { kind: 'ticket', id: 'tkt_000002', label: '#1002 Login loop' },
      severity: 'unstable',
    }),
    handoverItemFixture({ id: 'i3', subject: { kind: 'problem', id: 'prb_seed1', label: 'Login problem' } }),
  ];
  return [
    // One being built by each teammate, so an edit meets its author whoever acts; one item id left free for adds.
    ...workers.map((builder, index) =>
      handoverFixture({
        id: `hov_seed${index === 0 ? 1 : index + 2}` as never,
        fromUserId: builder,
        items: index % 2 === 0 ? building : building.slice(0, 2),
      }),
    ),
    handoverFixture({
      id: 'hov_seed2' as never,
      fromUserId: author,
      toUserId: receiver,
      status: 'submitted',
      submittedAt: 2_000,
      items: [
        handoverItemFixture({ id: 'i1', severity: 'unstable' }),
        handoverItemFixture({
          id: 'i2',
          subject: { kind: 'escalation', id: 'esc_seed1', label: 'Login fails after 4.12' },
          ...(random.chance(0.5) ? { acknowledged } : {}),
          ...(random.chance(0.3) ? { closedAt: 2_200 } : {}),
        }),
        handoverItemFixture({
          id: 'i3',
          subject: { kind: 'customer', id: 'cus_globex', label: 'Globex' },
          severity: 'watch',
          ...(random.chance(0.5) ? { acknowledged } : {}),
          ...(random.chance(0.5) ? { carried: { fromHandoverId: 'hov_seed0' as never, times: 1 } } : {}),
        }),
      ],
    }),
  ];
}

/** Deterministic cases: `perMutation` for every registered mutation, each with its own seeded world. */
export function conformanceCases(perMutation = 30, seed = 4871): ConformanceCase[] {
  return MUTATION_NAMES.flatMap((mutation) => {
    // A stream per mutation: registering a new mutation never changes the cases of the others.
    const random = new SeededRandom(seed + nameHash(mutation));
    return Array.from({ length: perMutation }, (_, index): ConformanceCase => {
      const role = random.chance(0.15) ? 'trainee' : random.pick(ROLES.filter((r) => r !== 'trainee'));
      const rows = seedFor(random, contextFixture(role).actor.id);
      const world: SampleWorld = {
        ticketIds: rows.filter(([entity]) => entity === 'ticket').map(([, row]) => row.id),
        memberIds: TEAM.map((member) => member.id),
        tags: TAGS,
        savedViewIds: rows.filter(([entity]) => entity === 'savedView').map(([, row]) => row.id),
        macroIds: rows.filter(([entity]) => entity === 'macro').map(([, row]) => row.id),
        messageIds: rows.filter(([entity]) => entity === 'message').map(([, row]) => row.id),
        problemIds: rows.filter(([entity]) => entity === 'problem').map(([, row]) => row.id),
        escalationIds: rows.filter(([entity]) => entity === 'escalation').map(([, row]) => row.id),
        shiftIds: rows.filter(([entity]) => entity === 'shift').map(([, row]) => row.id),
        handoverIds: rows.filter(([entity]) => entity === 'handover').map(([, row]) => row.id),
        now: contextFixture().now,
      };
      const def = mutations[mutation] as MutationDef<z.ZodType>;
      return {
        title: `${mutation} #${index + 1} as ${role}`,
        mutation,
        args: def.sample(random, world),
        role,
        mutationId: index + 1,
        seed: rows,
      };
    });
  });
}

/** A small, stable hash of a mutation's name (FNV-1a), to seed its own stream. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % 1_000_000;
}

/** Runs the mutation as the conformance suite does, on any store. */
export async function runCase(tx: MutatorTx, testCase: ConformanceCase): Promise<string> {
  try {
    await runMutation(
      tx,
      testCase.mutation,
      testCase.args,
      contextFixture(testCase.role, { mutationId: testCase.mutationId }),
    );
    return 'applied';
  } catch (error) {
    if (error instanceof MutationRejected) return `rejected:${error.code}:${error.message}`;
    throw error;
  }
}

/** The reference: plain maps. */
export const memoryHarness: ConformanceHarness = async (testCase) => {
  const tx = memoryMutatorTx(testCase.seed);
  const before = Object.fromEntries(tx.rows);
  const result = await runCase(tx, testCase);
  return { result, rows: result === 'applied' ? Object.fromEntries(tx.rows) : before };
};

/** Rows keyed `entity/id`, in a stable order, for comparing stores. */
export function sortedRows(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The transaction primitives beyond get and put (delete, list by a plain and a
 * multi-entry index), scripted: every store must produce the same trace.
 */
export async function primitivesScript(tx: MutatorTx): Promise<unknown[]> {
  const trace: unknown[] = [];
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
  await tx.put('ticket', ticketFixture({ id: 'tkt_a' as never, status: 'open', tags: ['vip', 'login'] }));
  await tx.put('ticket', ticketFixture({ id: 'tkt_b' as never, status: 'open', tags: ['login'] }));
  await tx.put('ticket', ticketFixture({ id: 'tkt_c' as never, status: 'solved', tags: [] }));
  trace.push(ids(await tx.list('ticket', 'status', 'open')));
  trace.push(ids(await tx.list('ticket', 'tags', 'login')));
  trace.push(ids(await tx.list('ticket', 'tags', 'vip')));
  await tx.delete('ticket', 'tkt_a');
  await tx.delete('ticket', 'tkt_missing');
  trace.push(await tx.get('ticket', 'tkt_a'));
  trace.push(ids(await tx.list('ticket', 'tags', 'login')));
  await tx.put('ticket', ticketFixture({ id: 'tkt_a' as never, status: 'pending', tags: [] }));
  trace.push(ids(await tx.list('ticket', 'status', 'open')), ids(await tx.list('ticket', 'status', 'pending')));
  trace.push(
    await tx.list('ticket', 'subject', 'x').then(
      () => 'listed',
      (error: Error) => error.message,
    ),
  );
  // Ordered by id the same way everywhere (code units, not a locale's collation that ignores punctuation).
  for (const id of ['tkt_a_b', 'tkt_a-b', 'tkt_aB', 'tkt_ab']) {
    await tx.put('ticket', ticketFixture({ id: id as never, status: 'on_hold', tags: [] }));
  }
  trace.push(ids(await tx.list('ticket', 'status', 'on_hold')));
  return trace;
}

export const PRIMITIVES_TRACE: unknown[] = [
  ['tkt_a', 'tkt_b'],
  ['tkt_a', 'tkt_b'],
  ['tkt_a'],
  undefined,
  ['tkt_b'],
  ['tkt_b'],
  ['tkt_a'],
  'ticket has no declared index on "subject" (declare it in shared/sync/entities.ts).',
  ['tkt_a-b', 'tkt_aB', 'tkt_a_b', 'tkt_ab'],
];
