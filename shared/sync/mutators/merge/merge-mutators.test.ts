import { describe, expect, it } from 'vitest';
import type { Message } from '../../../domain/message.ts';
import type { Problem } from '../../../domain/problem.ts';
import type { Role } from '../../../domain/roles.ts';
import type { TicketEvent } from '../../../domain/ticket-event.ts';
import { MERGED_TICKETS_MAX, type MergedTicket, type Ticket } from '../../../domain/ticket.ts';
import { contextFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { mergeFaults, mergeMap } from '../../../testing/merge-invariants.ts';
import { T, mergeWorldRows } from '../../../testing/merge-world.ts';
import { MutationRejected } from '../../rejection.ts';
import { runMutation } from '../../run-mutation.ts';
import { MERGE_BATCH_MAX } from './merge-tickets.ts';

/** When the change under test happens; changes that set the scene happen earlier. */
const NOW = 5_000;
const BEFORE = 4_000;

type Desk = Awaited<ReturnType<typeof desk>>;
type Step = (d: Desk) => Promise<void>;

/** A store holding the flood's tickets, and the changes agents make to it (each its own mutation id). */
async function desk(overrides: Record<string, Partial<Ticket>> = {}) {
  const tx = memoryMutatorTx(mergeWorldRows(overrides));
  let mutationId = 0;
  const rowsOf = <R>(entity: string) =>
    [...tx.rows.entries()].filter(([key]) => key.startsWith(`${entity}/`)).map(([, row]) => row as R);
  const d = {
    tx,
    /** Runs a change; the refusal if there was one. */
    run: async (name: string, args: object, { role = 'agent', now = NOW }: { role?: Role; now?: number } = {}) => {
      try {
        await runMutation(tx, name, args, contextFixture(role, { mutationId: ++mutationId, now }));
        return null;
      } catch (error) {
        if (!(error instanceof MutationRejected)) throw error;
        return error;
      }
    },
    /** Runs a change that sets the scene; it must go through. */
    must: async (name: string, args: object, options: { role?: Role; now?: number } = {}) => {
      const refused = await d.run(name, args, { now: BEFORE, ...options });
      if (refused) throw new Error(`setting the scene failed: ${refused.message}`);
    },
    ticket: (id: string) => tx.rows.get(`ticket/${id}`) as Ticket,
    tickets: () => rowsOf<Ticket>('ticket'),
    events: () => rowsOf<TicketEvent>('ticketEvent').sort((a, b) => (a.id < b.id ? -1 : 1)),
    message: (id: string) => tx.rows.get(`message/${id}`) as Message | undefined,
    problem: (id: string) => tx.rows.get(`problem/${id}`) as Problem | undefined,
    /** Starts counting writes: what the next change does, and nothing before it. */
    watch: () => {
      tx.writes.length = 0;
      return tx.writes;
    },
  };
  return d;
}

const merge =
  (targetId: string, ...sourceIds: string[]): Step =>
  (d) =>
    d.must('mergeTickets', { targetId, sourceIds });
const unmerge =
  (ticketId: string): Step =>
  (d) =>
    d.must('unmergeTicket', { ticketId });
const create =
  (problemId: string, ...ticketIds: string[]): Step =>
  (d) =>
    d.must('createProblem', { problemId, title: `Problem ${problemId}`, ticketIds });
const link =
  (problemId: string, ...ticketIds: string[]): Step =>
  (d) =>
    d.must('linkToProblem', { problemId, ticketIds });
const unlink =
  (ticketId: string): Step =>
  (d) =>
    d.must('unlinkFromProblem', { ticketId });
/** Changes rows behind the mutators' back (an old bug, a hand edit): what they must survive. */
const damage =
  (id: string, change: Partial<Ticket>): Step =>
  async (d) =>
    d.tx.put('ticket', { ...d.ticket(id), ...change });

async function reply(d: Desk, ticketId: string, messageId = 'msg_reply') {
  const refused = await d.run('addMessage', { messageId, ticketId, kind: 'reply', body: 'A fix is on its way.' });
  if (refused) throw new Error(`the reply was refused: ${refused.message}`);
  return (d.message(messageId)?.recipients ?? []).map((recipient) => [recipient.email, recipient.ticketId]);
}

const ANA = 'ana@acme.example';
const BEN = 'ben@globex.example';
const CY = 'cy@initech.example';
const DANA = 'dana@acme.example';
const EVE = 'eve@umbrella.example';

describe('mergeTickets: what a merge does', () => {
  it.each([
    ['one duplicate', [T.dup1]],
    ['three duplicates', [T.dup1, T.dup2, T.dup3]],
  ])(
    '%s: closed and pointing at the target, listed on it with their requesters, a history line each',
    async (_, sourceIds) => {
      const d = await desk();
      const before = sourceIds.map(d.ticket);
      expect(await d.run('mergeTickets', { targetId: T.target, sourceIds })).toBeNull();

      for (const source of before) {
        expect(d.ticket(source.id)).toMatchObject({
          status: 'closed',
          updatedAt: NOW,
          mergedInto: { ticketId: T.target, number: 101, at: NOW, by: 'usr_agent', previousStatus: source.status },
        });
        expect(d.ticket(source.id).merged).toBeUndefined();
      }
      expect(d.ticket(T.target)).toMatchObject({ status: 'open', updatedAt: NOW });
      expect(d.ticket(T.target).merged).toEqual(
        before.map((source): MergedTicket => ({
          ticketId: source.id,
          number: source.number,
          customerId: source.customerId,
          requesterName: source.requesterName,
          requesterEmail: source.requesterEmail,
          subject: source.subject,
          mergedAt: NOW,
          mergedBy: 'usr_agent' as never,
        })),
      );
      const refs = before.map((source) => ({ ticketId: source.id, number: source.number }));
      expect(d.events()).toEqual([
        {
          id: 'evt_client-1_1',
          ticketId: T.target,
          actorId: 'usr_agent',
          at: NOW,
          change: { kind: 'tickets_merged', tickets: refs },
        },
        ...before.map((source, index) => ({
          id: `evt_client-1_1-${index + 2}`,
          ticketId: source.id,
          actorId: 'usr_agent',
          at: NOW,
          change: { kind: 'merged_into', into: { ticketId: T.target, number: 101 } },
        })),
      ]);
      expect(new Set(d.events().map((event) => event.id)).size).toBe(sourceIds.length + 1);
      expect(mergeFaults(d.tickets())).toEqual([]);
    },
  );

  it('names tickets from before numbering by id, and still merges them', async () => {
    const d = await desk({ [T.target]: { number: undefined }, [T.dup1]: { number: undefined } });
    expect(await d.run('mergeTickets', { targetId: T.target, sourceIds: [T.dup1] })).toBeNull();
    expect(d.ticket(T.dup1).mergedInto).toEqual({
      ticketId: T.target,
      at: NOW,
      by: 'usr_agent',
      previousStatus: 'new',
    });
    expect(d.events().map((event) => event.change)).toEqual([
      { kind: 'tickets_merged', tickets: [{ ticketId: T.dup1 }] },
      { kind: 'merged_into', into: { ticketId: T.target } },
    ]);
  });
});

describe('mergeTickets: who a reply reaches afterwards', () => {
  it.each([
    ['nothing merged', [], [[ANA, T.target]]],
    [
      'one duplicate',
      [T.dup1],
      [
        [ANA, T.target],
        [BEN, T.dup1],
      ],
    ],
    [
      'three duplicates',
      [T.dup1, T.dup2, T.dup3],
      [
        [ANA, T.target],
        [BEN, T.dup1],
        [CY, T.dup2],
        [DANA, T.dup3],
      ],
    ],
    // Ana wrote twice (once as ANA@…): one copy, in the thread she wrote first.
    [
      'a second ticket from the same requester',
      [T.ana2, T.dup1],
      [
        [ANA, T.target],
        [BEN, T.dup1],
      ],
    ],
  ])('after merging %s, one reply goes to every requester once', async (_, sourceIds, recipients) => {
    const d = await desk();
    if (sourceIds.length > 0) await merge(T.target, ...sourceIds)(d);
    expect(await reply(d, T.target)).toEqual(recipients);
  });

  it('keeps no recipients on an internal note', async () => {
    const d = await desk();
    await merge(T.target, T.dup1)(d);
    expect(await d.run('addMessage', { messageId: 'msg_note', ticketId: T.target, kind: 'note', body: 'Hm.' })).toBe(
      null,
    );
    expect(d.message('msg_note')?.recipients).toBeUndefined();
  });

  it.each([
    ['a reply', 'reply', { number: 101 }, 'This ticket was merged into #101', 'Add it to #101'],
    ['a note', 'note', { number: 101 }, 'This ticket was merged into #101', 'Add it to #101'],
    [
      'a reply, target without a number',
      'reply',
      { number: undefined },
      'merged into another ticket',
      'Add it to another ticket',
    ],
  ] as const)(
    'refuses %s on a merged ticket, and offers to add it where the conversation went',
    async (_, kind, target, message, label) => {
      const d = await desk({ [T.target]: target });
      await merge(T.target, T.dup1)(d);
      const args = { messageId: 'msg_late', ticketId: T.dup1, kind, body: 'Sorry for the wait!' };
      const writes = d.watch();
      const refused = await d.run('addMessage', args);
      expect(refused?.code).toBe('conflict');
      expect(refused?.message).toContain(message);
      expect(refused?.message).toMatch(/nothing was added here\. Write on .+: its replies reach this requester too\./);
      expect(writes).toEqual([]);
      expect(refused?.resolutions).toEqual([
        { label, mutation: { name: 'addMessage', args: { ...args, ticketId: T.target } } },
      ]);

      // The way forward works, and a reply written there reaches the merged ticket's requester too.
      const forward = refused?.resolutions[0]?.mutation;
      expect(await d.run(forward?.name ?? '', forward?.args as object)).toBeNull();
      expect(d.message('msg_late')).toMatchObject({ ticketId: T.target, body: 'Sorry for the wait!', kind });
      if (kind === 'reply') expect(d.message('msg_late')?.recipients?.map((r) => r.email)).toEqual([ANA, BEN]);
    },
  );
});

type Expected =
  | { map: Record<string, string[]>; noop?: boolean }
  | { refused: string; message: RegExp; resolutions?: unknown[]; map?: Record<string, string[]> };

describe('mergeTickets: merging again, elsewhere, in chains, and what it refuses', () => {
  it.each<[string, Step[], { targetId: string; sourceIds: string[] }, Expected]>([
    [
      'a duplicate merged into the same target again (the same merge from two devices)',
      [merge(T.target, T.dup1)],
      { targetId: T.target, sourceIds: [T.dup1] },
      { map: { [T.target]: [T.dup1] }, noop: true },
    ],
    [
      'one merged here already, one new',
      [merge(T.target, T.dup1)],
      { targetId: T.target, sourceIds: [T.dup1, T.dup2] },
      { map: { [T.target]: [T.dup1, T.dup2] } },
    ],
    [
      'a duplicate merged into another ticket meanwhile',
      [merge(T.other, T.dup1)],
      { targetId: T.target, sourceIds: [T.dup1, T.dup2, T.dup3] },
      {
        refused: 'conflict',
        message: /^#102 was already merged into another ticket, so nothing was merged\.$/,
        resolutions: [
          {
            label: 'Merge the other 2',
            mutation: { name: 'mergeTickets', args: { targetId: T.target, sourceIds: [T.dup2, T.dup3] } },
          },
        ],
        map: { [T.other]: [T.dup1] },
      },
    ],
    [
      'the rest offered leaves out tickets merged here already and missing ones',
      [merge(T.other, T.dup1), merge(T.target, T.dup2)],
      { targetId: T.target, sourceIds: [T.dup1, T.dup2, T.dup3, 'tkt_999999', T.target] },
      {
        refused: 'conflict',
        message: /^#102 was already merged/,
        resolutions: [
          {
            label: 'Merge the other 1',
            mutation: { name: 'mergeTickets', args: { targetId: T.target, sourceIds: [T.dup3] } },
          },
        ],
      },
    ],
    [
      'every duplicate merged elsewhere: nothing left to offer',
      [merge(T.other, T.dup1, T.dup2)],
      { targetId: T.target, sourceIds: [T.dup1, T.dup2] },
      { refused: 'conflict', message: /^#102, #103 were already merged into another ticket/, resolutions: [] },
    ],
    [
      'into a target that was itself merged meanwhile: it lands on that one’s canonical ticket',
      [merge(T.other, T.target)],
      { targetId: T.target, sourceIds: [T.dup1] },
      { map: { [T.other]: [T.target, T.dup1] } },
    ],
    [
      'a canonical ticket with its own duplicates: they come along',
      [merge(T.other, T.dup1, T.dup2)],
      { targetId: T.target, sourceIds: [T.other] },
      { map: { [T.target]: [T.dup1, T.dup2, T.other] } },
    ],
    [
      'a duplicate merged meanwhile into another ticket of the selection: it comes along with that one',
      [merge(T.dup1, T.dup2)],
      { targetId: T.target, sourceIds: [T.dup2, T.dup1, T.dup3] },
      { map: { [T.target]: [T.dup2, T.dup1, T.dup3] } },
    ],
    [
      'the other way round: the target into its own duplicate',
      [merge(T.target, T.dup1)],
      { targetId: T.dup1, sourceIds: [T.target] },
      { map: { [T.target]: [T.dup1] }, noop: true },
    ],
    ['a ticket into itself', [], { targetId: T.target, sourceIds: [T.target] }, { map: {}, noop: true }],
    [
      'a closed ticket (not merged): it can be unmerged back to closed',
      [],
      { targetId: T.target, sourceIds: [T.closed] },
      { map: { [T.target]: [T.closed] } },
    ],
    [
      'into a closed ticket',
      [],
      { targetId: T.closed, sourceIds: [T.dup1] },
      {
        refused: 'conflict',
        message: /^#106 is closed, so nothing was merged into it\. Merge into a ticket that is still open\.$/,
      },
    ],
    [
      'into a ticket merged into one closed since',
      [
        merge(T.other, T.target),
        (d) => d.must('setStatus', { ticketId: T.other, status: 'solved' }),
        (d) => d.must('setStatus', { ticketId: T.other, status: 'closed' }),
      ],
      { targetId: T.target, sourceIds: [T.dup1] },
      { refused: 'conflict', message: /^#105 is closed/ },
    ],
    [
      'duplicates deleted meanwhile are skipped',
      [],
      { targetId: T.target, sourceIds: ['tkt_999999', T.dup1] },
      { map: { [T.target]: [T.dup1] } },
    ],
    ['only deleted duplicates', [], { targetId: T.target, sourceIds: ['tkt_999999'] }, { map: {}, noop: true }],
    [
      'into a deleted target',
      [],
      { targetId: 'tkt_999999', sourceIds: [T.dup1] },
      { refused: 'not_found', message: /^Ticket tkt_999999 no longer exists\.$/ },
    ],
    [
      'into a merge loop (damaged rows)',
      [
        damage(T.target, {
          mergedInto: { ticketId: T.other as never, at: 1, by: 'usr_agent' as never, previousStatus: 'open' },
        }),
        damage(T.other, {
          mergedInto: { ticketId: T.target as never, at: 1, by: 'usr_agent' as never, previousStatus: 'open' },
        }),
      ],
      { targetId: T.target, sourceIds: [T.dup1] },
      { refused: 'conflict', message: /is part of a merge loop; nothing was merged\.$/ },
    ],
    [
      `more than ${MERGE_BATCH_MAX} at once`,
      [],
      {
        targetId: T.target,
        sourceIds: Array.from({ length: MERGE_BATCH_MAX + 1 }, (_, i) => `tkt_${String(i + 100).padStart(6, '0')}`),
      },
      { refused: 'invalid', message: /was malformed/ },
    ],
  ])('%s', async (_, scene, args, expected) => {
    const d = await desk();
    for (const step of scene) await step(d);
    const before = mergeMap(d.tickets());
    const writes = d.watch();
    const refused = await d.run('mergeTickets', args);

    if ('refused' in expected) {
      expect(refused?.code).toBe(expected.refused);
      expect(refused?.message).toMatch(expected.message);
      if (expected.resolutions) expect(refused?.resolutions).toEqual(expected.resolutions);
      expect(writes).toEqual([]);
      expect(mergeMap(d.tickets())).toEqual(expected.map ?? before);
      return;
    }
    expect(refused).toBeNull();
    expect(mergeMap(d.tickets())).toEqual(expected.map);
    if (expected.noop) expect(writes).toEqual([]);
    expect(mergeFaults(d.tickets())).toEqual([]);
  });

  it('the offered rest merges what the refused change meant to, leaving the other agent’s merge alone', async () => {
    const d = await desk();
    await merge(T.other, T.dup1)(d);
    const refused = await d.run('mergeTickets', { targetId: T.target, sourceIds: [T.dup1, T.dup2, T.dup3] });
    const forward = refused?.resolutions[0]?.mutation;
    expect(await d.run(forward?.name ?? '', forward?.args as object)).toBeNull();
    expect(mergeMap(d.tickets())).toEqual({ [T.other]: [T.dup1], [T.target]: [T.dup2, T.dup3] });
    expect(mergeFaults(d.tickets())).toEqual([]);
  });

  it('hands a canonical ticket’s duplicates over as they were merged, and says so on the target', async () => {
    const d = await desk();
    await d.must('mergeTickets', { targetId: T.other, sourceIds: [T.dup1, T.dup2] }, { role: 'lead' });
    const handedOver = d.ticket(T.other).merged;
    expect(await d.run('mergeTickets', { targetId: T.target, sourceIds: [T.other] })).toBeNull();

    // Who merged them and when stays; only where they point changes. Merges stay one link deep.
    expect(d.ticket(T.dup1).mergedInto).toEqual({
      ticketId: T.target,
      number: 101,
      at: BEFORE,
      by: 'usr_lead',
      previousStatus: 'new',
    });
    expect(d.ticket(T.dup2).mergedInto).toMatchObject({ ticketId: T.target, previousStatus: 'pending' });
    expect(d.ticket(T.other).merged).toBeUndefined();
    expect(d.ticket(T.other).mergedInto).toMatchObject({ ticketId: T.target, previousStatus: 'open', at: NOW });
    expect(d.ticket(T.target).merged?.slice(0, 2)).toEqual(handedOver);
    expect(d.events().find((event) => event.id === 'evt_client-1_2')?.change).toEqual({
      kind: 'tickets_merged',
      tickets: [
        { ticketId: T.dup1, number: 102 },
        { ticketId: T.dup2, number: 103 },
        { ticketId: T.other, number: 105 },
      ],
    });
    expect(await reply(d, T.target)).toEqual([
      [ANA, T.target],
      [BEN, T.dup1],
      [CY, T.dup2],
      [EVE, T.other],
    ]);
    expect(mergeFaults(d.tickets())).toEqual([]);
  });
});

describe(`mergeTickets: at most ${MERGED_TICKETS_MAX} tickets merge into one`, () => {
  /** `count` tickets merged into the target long ago (their rows archived away). */
  const alreadyMerged = (count: number): MergedTicket[] =>
    Array.from({ length: count }, (_, i) => ({
      ticketId: `tkt_old${String(i).padStart(4, '0')}` as never,
      customerId: 'cus_acme' as never,
      requesterName: 'Someone',
      requesterEmail: `someone${i}@acme.example`,
      subject: 'Checkout',
      mergedAt: 1,
      mergedBy: 'usr_agent' as never,
    }));

  it.each<[string, number, string[], number | null]>([
    ['up to the limit', MERGED_TICKETS_MAX - 1, [T.dup1], null],
    ['one over', MERGED_TICKETS_MAX - 1, [T.dup1, T.dup2], MERGED_TICKETS_MAX + 1],
    // A canonical ticket brings its own duplicates: they count too.
    ['one over, counting the duplicates a source brings', MERGED_TICKETS_MAX - 2, [T.other], MERGED_TICKETS_MAX + 1],
  ])('%s', async (_, held, sourceIds, refusedAt) => {
    const d = await desk({ [T.target]: { merged: alreadyMerged(held) } });
    if (sourceIds.includes(T.other)) await merge(T.other, T.dup1, T.dup2)(d);
    const writes = d.watch();
    const refused = await d.run('mergeTickets', { targetId: T.target, sourceIds });
    if (refusedAt === null) {
      expect(refused).toBeNull();
      expect(d.ticket(T.target).merged).toHaveLength(MERGED_TICKETS_MAX);
      return;
    }
    expect(refused?.code).toBe('invalid');
    expect(refused?.message).toBe(
      `#101 would hold ${refusedAt} merged tickets; at most ${MERGED_TICKETS_MAX} can merge into one. Link the rest to a problem instead.`,
    );
    // Nothing half-done: a device replaying this change keeps going after the refusal.
    expect(writes).toEqual([]);
  });
});

describe('unmergeTicket', () => {
  it.each(['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const)(
    'gives a ticket that was %s its status back, and the target forgets it',
    async (status) => {
      const d = await desk({ [T.dup1]: { status } });
      await merge(T.target, T.dup1, T.dup2)(d);
      expect(await d.run('unmergeTicket', { ticketId: T.dup1 })).toBeNull();

      expect(d.ticket(T.dup1)).toMatchObject({ status, updatedAt: NOW });
      expect(d.ticket(T.dup1).mergedInto).toBeUndefined();
      expect(mergeMap(d.tickets())).toEqual({ [T.target]: [T.dup2] });
      expect(d.events().filter((event) => event.id.startsWith('evt_client-1_2'))).toEqual([
        {
          id: 'evt_client-1_2',
          ticketId: T.dup1,
          actorId: 'usr_agent',
          at: NOW,
          change: { kind: 'unmerged', from: { ticketId: T.target, number: 101 } },
        },
        {
          id: 'evt_client-1_2-2',
          ticketId: T.target,
          actorId: 'usr_agent',
          at: NOW,
          change: { kind: 'ticket_unmerged', ticket: { ticketId: T.dup1, number: 102 } },
        },
      ]);
      expect(mergeFaults(d.tickets())).toEqual([]);
    },
  );

  it('stops replies reaching the unmerged requester, who can be written to on their own ticket again', async () => {
    const d = await desk();
    await merge(T.target, T.dup1, T.dup2)(d);
    expect(await reply(d, T.target, 'msg_before')).toEqual([
      [ANA, T.target],
      [BEN, T.dup1],
      [CY, T.dup2],
    ]);
    await unmerge(T.dup1)(d);
    expect(await reply(d, T.target, 'msg_after')).toEqual([
      [ANA, T.target],
      [CY, T.dup2],
    ]);
    expect(await reply(d, T.dup1, 'msg_own')).toEqual([[BEN, T.dup1]]);
    // A reply keeps who it went to, whatever happened since.
    expect(d.message('msg_before')?.recipients?.map((r) => r.email)).toEqual([ANA, BEN, CY]);
  });

  it.each<[string, Step[], string]>([
    ['a ticket never merged', [], T.dup1],
    ['a ticket unmerged already (the same undo from two devices)', [merge(T.target, T.dup1), unmerge(T.dup1)], T.dup1],
    ['the canonical ticket itself', [merge(T.target, T.dup1)], T.target],
  ])('changes nothing for %s', async (_, scene, ticketId) => {
    const d = await desk();
    for (const step of scene) await step(d);
    const writes = d.watch();
    expect(await d.run('unmergeTicket', { ticketId })).toBeNull();
    expect(writes).toEqual([]);
  });

  it('refuses a ticket that no longer exists', async () => {
    const refused = await (await desk()).run('unmergeTicket', { ticketId: 'tkt_999999' });
    expect([refused?.code, refused?.message]).toEqual(['not_found', 'Ticket tkt_999999 no longer exists.']);
  });

  it('still restores a ticket whose canonical ticket was deleted since', async () => {
    const d = await desk();
    await merge(T.target, T.dup1)(d);
    await d.tx.delete('ticket', T.target);
    const writes = d.watch();
    expect(await d.run('unmergeTicket', { ticketId: T.dup1 })).toBeNull();
    expect(d.ticket(T.dup1)).toMatchObject({ status: 'new' });
    expect(d.ticket(T.dup1).mergedInto).toBeUndefined();
    expect(writes).toEqual([`ticket/${T.dup1}`, 'ticketEvent/evt_client-1_2']);
    expect(await reply(d, T.dup1)).toEqual([[BEN, T.dup1]]);
  });

  it('takes a handed-over duplicate out of the ticket it ended up in; unmerging its old canonical leaves it there', async () => {
    const d = await desk();
    await merge(T.other, T.dup1)(d);
    await merge(T.target, T.other, T.dup2)(d);
    await unmerge(T.other)(d);
    expect(mergeMap(d.tickets())).toEqual({ [T.target]: [T.dup1, T.dup2] });
    expect(d.ticket(T.other)).toMatchObject({ status: 'open' });
    await unmerge(T.dup1)(d);
    expect(mergeMap(d.tickets())).toEqual({ [T.target]: [T.dup2] });
    expect(d.ticket(T.dup1)).toMatchObject({ status: 'new' });
    expect(mergeFaults(d.tickets())).toEqual([]);
  });
});

describe('problems: counts follow links, merges and unmerges', () => {
  const P1 = 'prb_one';
  const P2 = 'prb_two';
  // Customers: target and dup3 Acme, dup1 Globex, dup2 Initech, other Umbrella.
  it.each<[string, Step[], Record<string, [tickets: number, customers: number]>]>([
    ['a problem made for two reports', [create(P1, T.target, T.dup1)], { [P1]: [2, 2] }],
    ['two reports from one customer', [create(P1, T.target, T.dup3)], { [P1]: [2, 1] }],
    ['a report linked twice counts once', [create(P1, T.target), link(P1, T.target, T.target)], { [P1]: [1, 1] }],
    [
      'duplicates merged into a linked ticket',
      [create(P1, T.target), merge(T.target, T.dup1, T.dup2)],
      { [P1]: [3, 3] },
    ],
    [
      'a linked duplicate merged into a ticket of the same problem counts once',
      [create(P1, T.target, T.dup1), merge(T.target, T.dup1)],
      { [P1]: [2, 2] },
    ],
    [
      'a duplicate unmerged again',
      [create(P1, T.target), merge(T.target, T.dup1, T.dup2), unmerge(T.dup1)],
      { [P1]: [2, 2] },
    ],
    [
      'a linked duplicate unmerged counts through its own link again',
      [create(P1, T.target, T.dup1), merge(T.target, T.dup1), unmerge(T.dup1)],
      { [P1]: [2, 2] },
    ],
    ['a ticket unlinked', [create(P1, T.target, T.dup1), unlink(T.target)], { [P1]: [1, 1] }],
    [
      'a canonical ticket unlinked takes its duplicates along',
      [create(P1, T.target, T.dup1), merge(T.target, T.dup1, T.dup2), unlink(T.target)],
      { [P1]: [0, 0] },
    ],
    [
      'relinked to another problem: the count moves',
      [create(P1, T.target, T.dup1), create(P2), link(P2, T.target)],
      { [P1]: [1, 1], [P2]: [1, 1] },
    ],
    [
      'relinked with its duplicates: they move too',
      [create(P1, T.target, T.dup1), merge(T.target, T.dup1, T.dup3), create(P2, T.target)],
      { [P1]: [0, 0], [P2]: [3, 2] },
    ],
    [
      'a report of one problem merged into a ticket of another',
      [create(P1, T.dup1, T.dup2), create(P2, T.target), merge(T.target, T.dup1)],
      { [P1]: [1, 1], [P2]: [2, 2] },
    ],
    [
      'and unmerged back',
      [create(P1, T.dup1, T.dup2), create(P2, T.target), merge(T.target, T.dup1), unmerge(T.dup1)],
      { [P1]: [2, 2], [P2]: [1, 1] },
    ],
    [
      'a merged duplicate linked: its canonical ticket is linked, with all it holds',
      [create(P1), merge(T.target, T.dup1, T.dup2), link(P1, T.dup1)],
      { [P1]: [3, 3] },
    ],
    [
      'a canonical ticket with duplicates merged into a ticket of another problem',
      [create(P1, T.other), merge(T.other, T.dup1), create(P2, T.target), merge(T.target, T.other)],
      { [P1]: [0, 0], [P2]: [3, 3] },
    ],
  ])('%s', async (_, steps, counts) => {
    const d = await desk();
    for (const step of steps) await step(d);
    const actual = Object.fromEntries(
      Object.keys(counts).map((id) => [id, [d.problem(id)?.ticketCount, d.problem(id)?.affectedCustomers]]),
    );
    expect(actual).toEqual(counts);
  });

  it('links through the canonical ticket and writes one history line per ticket linked', async () => {
    const d = await desk();
    await merge(T.target, T.dup1)(d);
    expect(await d.run('createProblem', { problemId: P1, title: 'Checkout down', ticketIds: [T.dup1, T.dup2] })).toBe(
      null,
    );
    expect(d.ticket(T.target).problemId).toBe(P1);
    expect(d.ticket(T.dup1).problemId).toBeUndefined();
    expect(d.events().filter((event) => event.change.kind === 'problem_linked')).toEqual([
      expect.objectContaining({ id: 'evt_client-1_2', ticketId: T.target }),
      expect.objectContaining({ id: 'evt_client-1_2-2', ticketId: T.dup2 }),
    ]);
    await unlink(T.dup2)(d);
    expect(d.events().at(-1)?.change).toEqual({ kind: 'problem_unlinked', problemId: P1, title: 'Checkout down' });
  });
});

describe('permissions', () => {
  it.each<[string, object]>([
    ['mergeTickets', { targetId: T.target, sourceIds: [T.dup1] }],
    ['unmergeTicket', { ticketId: T.dup2 }],
    ['createProblem', { problemId: 'prb_new', title: 'Checkout', ticketIds: [T.target] }],
    ['linkToProblem', { problemId: 'prb_old', ticketIds: [T.dup1] }],
    ['unlinkFromProblem', { ticketId: T.target }],
  ])('%s: a trainee is refused and nothing changes; an agent may', async (name, args) => {
    const prepared = async () => {
      const d = await desk();
      await merge(T.target, T.dup2)(d);
      await create('prb_old', T.target)(d);
      return d;
    };
    const trainee = await prepared();
    const writes = trainee.watch();
    expect((await trainee.run(name, args, { role: 'trainee' }))?.code).toBe('forbidden');
    expect(writes).toEqual([]);
    const agent = await prepared();
    const agentWrites = agent.watch();
    expect(await agent.run(name, args, { role: 'agent' })).toBeNull();
    expect(agentWrites.length).toBeGreaterThan(0);
  });
});
