import { describe, expect, it } from 'vitest';
import { contextFixture, ticketFixture } from '../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../testing/memory-mutator-tx.ts';
import { MutationRejected } from '../rejection.ts';
import { eventIdFor, setPriority } from './set-priority.ts';

describe('setPriority', () => {
  it('changes the priority, stamps the time and records who did it', async () => {
    const tx = memoryMutatorTx();
    const ticket = ticketFixture({ priority: 'normal' });
    await tx.put('ticket', ticket);
    tx.writes.length = 0;

    await setPriority(tx, { ticketId: ticket.id, priority: 'urgent' }, contextFixture('agent', { mutationId: 7 }));

    expect(await tx.get('ticket', ticket.id)).toMatchObject({ priority: 'urgent', updatedAt: 5_000 });
    expect(await tx.get('ticketEvent', 'evt_client-1_7')).toEqual({
      id: 'evt_client-1_7',
      ticketId: ticket.id,
      actorId: 'usr_agent',
      at: 5_000,
      change: { kind: 'priority_changed', from: 'normal', to: 'urgent' },
    });
    expect(tx.writes).toEqual([`ticket/${ticket.id}`, 'ticketEvent/evt_client-1_7']);
  });

  it('writes nothing when the ticket already has that priority', async () => {
    const tx = memoryMutatorTx();
    await tx.put('ticket', ticketFixture({ priority: 'high' }));
    tx.writes.length = 0;
    await setPriority(tx, { ticketId: ticketFixture().id, priority: 'high' }, contextFixture());
    expect(tx.writes).toEqual([]);
  });

  it.each([
    ['a missing ticket', 'agent', false, 'not_found'],
    ['a trainee', 'trainee', true, 'forbidden'],
  ] as const)('rejects %s', async (_label, role, ticketExists, code) => {
    const tx = memoryMutatorTx();
    if (ticketExists) await tx.put('ticket', ticketFixture());
    const run = setPriority(tx, { ticketId: ticketFixture().id, priority: 'low' }, contextFixture(role));
    await expect(run).rejects.toBeInstanceOf(MutationRejected);
    await expect(run).rejects.toMatchObject({ code });
  });

  it('derives event ids from the mutation, so replaying it rewrites the same event', () => {
    expect(eventIdFor('abc', 3)).toBe('evt_abc_3');
    expect(eventIdFor('abc', 3)).toBe(eventIdFor('abc', 3));
  });
});
