import { describe, expect, it } from 'vitest';
import { contextFixture, ticketFixture } from '../testing/fixtures.ts';
import { memoryMutatorTx } from '../testing/memory-mutator-tx.ts';
import { runMutation } from './run-mutation.ts';

describe('runMutation', () => {
  it('runs a known mutation with valid arguments', async () => {
    const tx = memoryMutatorTx();
    await tx.put('ticket', ticketFixture());
    await runMutation(tx, 'setPriority', { ticketId: 'tkt_000001', priority: 'low' }, contextFixture());
    expect(await tx.get('ticket', 'tkt_000001')).toMatchObject({ priority: 'low' });
  });

  it.each([
    ['an unknown name', 'deleteEverything', {}, 'unknown_mutation'],
    ['a prototype key as name', 'constructor', {}, 'unknown_mutation'],
    ['missing arguments', 'setPriority', undefined, 'invalid'],
    ['a bad priority', 'setPriority', { ticketId: 'tkt_000001', priority: 'meh' }, 'invalid'],
    ['a malformed id', 'setPriority', { ticketId: "tkt_1'; drop table", priority: 'low' }, 'invalid'],
  ])('rejects %s for good', async (_label, name, args, code) => {
    await expect(runMutation(memoryMutatorTx(), name, args, contextFixture())).rejects.toMatchObject({ code });
  });
});
