import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles.ts';
import { TEAM, contextFixture, shiftFixture, ticketFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { MutationRejected } from '../../rejection.ts';
import { runMutation } from '../../run-mutation.ts';

const NOW = 5_000;
const TICKET = 'tkt_000001';

function store(ticket: object = {}) {
  return memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ['ticket', ticketFixture({ assigneeId: 'usr_agent' as never, status: 'open', ...ticket })] as const,
    // Priya (analyst) is on shift; Jordan (lead) never started one.
    ['shift', shiftFixture({ id: 'sft_priya' as never, userId: 'usr_analyst' as never, plannedEnd: NOW + 1000 })],
  ]);
}

async function refusal(promise: Promise<unknown>): Promise<MutationRejected | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof MutationRejected) return error;
    throw error;
  }
}

describe('startShift: the role worked', () => {
  it.each<[Role, Role | undefined, Role | 'refused']>([
    ['agent', undefined, 'agent'],
    ['analyst', 'agent', 'agent'],
    ['lead', 'analyst', 'analyst'],
    ['agent', 'analyst', 'refused'],
    ['analyst', 'lead', 'refused'],
    ['agent', 'trainee', 'refused'],
  ])('a %s starting as %s works as %s', async (account, role, worked) => {
    const tx = memoryMutatorTx([]);
    const args = { shiftId: 'sft_new', plannedEnd: NOW + 3_600_000, ...(role ? { role } : {}) };
    const refused = await refusal(runMutation(tx, 'startShift', args, contextFixture(account, { now: NOW })));
    if (worked === 'refused') {
      expect(refused?.code).toBe('forbidden');
      expect(await tx.get('shift', 'sft_new')).toBeUndefined();
    } else {
      expect(refused).toBeNull();
      expect(await tx.get('shift', 'sft_new')).toMatchObject({ role: worked, userId: `usr_${account}` });
    }
  });
});

describe('handOverTicket', () => {
  it('gives my ticket to someone on shift, with a history line saying why', async () => {
    const tx = store();
    await runMutation(tx, 'handOverTicket', { ticketId: TICKET, assigneeId: 'usr_analyst' }, contextFixture('agent'));
    expect(await tx.get('ticket', TICKET)).toMatchObject({ assigneeId: 'usr_analyst', updatedAt: NOW });
    const events = [...tx.rows.entries()].filter(([key]) => key.startsWith('ticketEvent/')).map(([, row]) => row);
    expect(events).toEqual([
      expect.objectContaining({
        actorId: 'usr_agent',
        change: { kind: 'assignee_changed', from: 'usr_agent', to: 'usr_analyst', reason: 'shift_ended' },
      }),
    ]);
  });

  it.each<[string, object, string, string]>([
    ['someone off shift', {}, 'usr_lead', 'conflict'],
    ['a ticket I no longer hold', { assigneeId: 'usr_lead' }, 'usr_analyst', 'conflict'],
    ['a trainee', {}, 'usr_trainee', 'invalid'],
  ])('refuses handing to %s and leaves the ticket as it was', async (_title, ticket, assigneeId, code) => {
    const tx = store(ticket);
    const before = await tx.get('ticket', TICKET);
    const refused = await refusal(
      runMutation(tx, 'handOverTicket', { ticketId: TICKET, assigneeId }, contextFixture('agent')),
    );
    expect(refused?.code).toBe(code);
    expect(await tx.get('ticket', TICKET)).toEqual(before);
  });

  it('is refused to a trainee account before the rule runs (no ticket.claim)', async () => {
    const refused = await refusal(
      runMutation(
        store(),
        'handOverTicket',
        { ticketId: TICKET, assigneeId: 'usr_analyst' },
        contextFixture('trainee'),
      ),
    );
    expect(refused?.code).toBe('forbidden');
  });
});
