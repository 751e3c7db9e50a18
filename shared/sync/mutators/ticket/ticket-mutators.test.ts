import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles.ts';
import { TEAM, contextFixture, ticketFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { runMutation } from '../../run-mutation.ts';
import { MutationRejected } from '../../rejection.ts';

const TICKET = 'tkt_000001';

/** Runs one mutation on a ticket in a fresh store; returns the ticket after, its history, or the refusal. */
async function run(name: string, args: object, ticket: object = {}, role: Role = 'agent') {
  const tx = memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ['ticket', ticketFixture(ticket)] as const,
  ]);
  tx.writes.length = 0;
  try {
    await runMutation(tx, name, { ticketId: TICKET, ...args }, contextFixture(role, { mutationId: 7 }));
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    return { refused: error, writes: tx.writes };
  }
  const events = [...tx.rows.entries()].filter(([key]) => key.startsWith('ticketEvent/')).map(([, row]) => row);
  return { ticket: await tx.get('ticket', TICKET), events, writes: tx.writes };
}

describe('ticket mutators: the change and its history line', () => {
  it.each([
    [
      'setPriority',
      { priority: 'urgent' },
      {},
      { priority: 'urgent' },
      { kind: 'priority_changed', from: 'normal', to: 'urgent' },
    ],
    [
      'setStatus',
      { status: 'pending' },
      { status: 'open' },
      { status: 'pending' },
      { kind: 'status_changed', from: 'open', to: 'pending' },
    ],
    [
      'setStatus',
      { status: 'open' },
      { status: 'solved' },
      { status: 'open' },
      { kind: 'status_changed', from: 'solved', to: 'open' },
    ],
    ['claimTicket', {}, {}, { assigneeId: 'usr_agent' }, { kind: 'assignee_changed', from: null, to: 'usr_agent' }],
    [
      'releaseTicket',
      {},
      { assigneeId: 'usr_agent' as never },
      { assigneeId: null },
      { kind: 'assignee_changed', from: 'usr_agent', to: null },
    ],
    ['addTag', { tag: 'vip' }, { tags: ['login'] }, { tags: ['login', 'vip'] }, { kind: 'tag_added', tag: 'vip' }],
    [
      'removeTag',
      { tag: 'login' },
      { tags: ['login', 'vip'] },
      { tags: ['vip'] },
      { kind: 'tag_removed', tag: 'login' },
    ],
  ])('%s %o on %o → %o', async (name, args, before, after, change) => {
    const outcome = await run(name, args, before);
    expect(outcome.ticket).toMatchObject({ ...after, updatedAt: 5_000 });
    expect(outcome.events).toEqual([
      { id: 'evt_client-1_7', ticketId: TICKET, actorId: 'usr_agent', at: 5_000, change },
    ]);
  });

  it('lets a lead assign, reassign and unassign, checking who they saw holding it', async () => {
    const assigned = await run('assignTicket', { assigneeId: 'usr_analyst', expectedAssigneeId: null }, {}, 'lead');
    expect(assigned.ticket).toMatchObject({ assigneeId: 'usr_analyst' });
    const unassigned = await run(
      'assignTicket',
      { assigneeId: null, expectedAssigneeId: 'usr_analyst' },
      { assigneeId: 'usr_analyst' as never },
      'lead',
    );
    expect(unassigned.ticket).toMatchObject({ assigneeId: null });
  });
});

describe('ticket mutators: no-ops write nothing', () => {
  it.each([
    ['setPriority', { priority: 'normal' }, {}],
    ['setStatus', { status: 'open' }, { status: 'open' }],
    ['claimTicket', {}, { assigneeId: 'usr_agent' as never }],
    ['releaseTicket', {}, {}],
    ['addTag', { tag: 'vip' }, { tags: ['vip'] }],
    ['removeTag', { tag: 'vip' }, { tags: [] }],
  ])('%s %o on %o', async (name, args, before) => {
    expect((await run(name, args, before)).writes).toEqual([]);
  });
});

describe('ticket mutators: refusals say what happened and offer a way forward', () => {
  it.each([
    [
      'a claim on a ticket someone holds',
      'claimTicket',
      {},
      { assigneeId: 'usr_analyst' as never },
      'agent',
      'conflict',
      /Priya Nair claimed this ticket first/,
      [],
    ],
    [
      'the same claim by a lead',
      'claimTicket',
      {},
      { assigneeId: 'usr_analyst' as never },
      'lead',
      'conflict',
      /claimed this ticket first/,
      ['Take it over'],
    ],
    [
      'a release of someone else’s ticket',
      'releaseTicket',
      {},
      { assigneeId: 'usr_lead' as never },
      'agent',
      'conflict',
      /Jordan Okafor holds this ticket/,
      [],
    ],
    [
      'a move out of solved that is not a reopen',
      'setStatus',
      { status: 'pending', expectedStatus: 'open' },
      { status: 'solved' },
      'agent',
      'conflict',
      /Someone else changed the status to Solved meanwhile/,
      ['Reopen it'],
    ],
    [
      'any move out of closed',
      'setStatus',
      { status: 'open' },
      { status: 'closed' },
      'agent',
      'conflict',
      /The ticket is Closed/,
      [],
    ],
    ['a claim on a closed ticket', 'claimTicket', {}, { status: 'closed' }, 'agent', 'conflict', /closed/, []],
    [
      'a stale reassignment',
      'assignTicket',
      { assigneeId: 'usr_agent', expectedAssigneeId: null },
      { assigneeId: 'usr_analyst' as never },
      'lead',
      'conflict',
      /reassigned meanwhile: Priya Nair/,
      ['Assign anyway'],
    ],
    [
      'assigning a trainee',
      'assignTicket',
      { assigneeId: 'usr_trainee', expectedAssigneeId: null },
      {},
      'lead',
      'invalid',
      /trainee/,
      [],
    ],
    [
      'assigning a stranger',
      'assignTicket',
      { assigneeId: 'usr_nobody', expectedAssigneeId: null },
      {},
      'lead',
      'invalid',
      /not on this team/,
      [],
    ],
    [
      'an agent assigning others',
      'assignTicket',
      { assigneeId: 'usr_analyst', expectedAssigneeId: null },
      {},
      'agent',
      'forbidden',
      /An? agent cannot assign/,
      [],
    ],
    [
      'a trainee triaging',
      'setPriority',
      { priority: 'low' },
      {},
      'trainee',
      'forbidden',
      /trainee cannot change ticket priority/,
      [],
    ],
    [
      'the 51st tag',
      'addTag',
      { tag: 'one-more' },
      { tags: Array.from({ length: 50 }, (_, i) => `t${i}`) },
      'agent',
      'invalid',
      /at most 50 tags/,
      [],
    ],
  ] as const)('%s', async (_title, name, args, before, role, code, message, labels) => {
    const outcome = await run(name, args, before, role);
    expect(outcome.refused?.code).toBe(code);
    expect(outcome.refused?.message).toMatch(message);
    expect(outcome.refused?.resolutions.map((r) => r.label)).toEqual(labels);
    expect(outcome.writes).toEqual([]);
  });

  it('offers resolutions that are themselves valid changes', async () => {
    const outcome = await run('claimTicket', {}, { assigneeId: 'usr_analyst' as never }, 'lead');
    const [takeOver] = outcome.refused?.resolutions ?? [];
    if (!takeOver) throw new Error('no resolution offered');
    const after = await run(
      takeOver.mutation.name,
      takeOver.mutation.args as object,
      { assigneeId: 'usr_analyst' as never },
      'lead',
    );
    expect(after.ticket).toMatchObject({ assigneeId: 'usr_lead' });
  });

  it('names the ticket a refusal is about', async () => {
    const outcome = await run('setPriority', { ticketId: 'tkt_gone', priority: 'low' });
    expect(outcome.refused).toMatchObject({ code: 'not_found', subject: { entity: 'ticket', id: 'tkt_gone' } });
  });
});

describe('tickets from before SLA clocks', () => {
  it.each([
    [
      'a pending ticket keeps when its wait began',
      'addTag',
      { tag: 'vip' },
      { status: 'pending' as const },
      { pausedSince: 1_000 },
    ],
    [
      'a solved ticket keeps when it was solved',
      'setPriority',
      { priority: 'low' },
      { status: 'solved' as const },
      { solvedAt: 1_000 },
    ],
  ])('%s through an unrelated change', async (_title, name, args, ticket, clock) => {
    const result = await run(name, args, ticket, 'lead');
    expect(result.ticket?.updatedAt).toBe(5_000);
    expect(result.ticket?.clock).toMatchObject(clock);
  });
});
