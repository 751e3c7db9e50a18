import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { TEAM, contextFixture, messageFixture, ticketFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { runMutation } from '../../run-mutation.ts';
import { MutationRejected } from '../../rejection.ts';

const TICKET = 'tkt_000001';
const NOW = 5_000;

async function send(kind: 'reply' | 'note', ticket: Partial<Ticket> = {}, role: Role = 'agent', messageId = 'msg_new') {
  const tx = memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ['ticket', ticketFixture(ticket)] as const,
    ['message', messageFixture({ id: 'msg_taken' as never })] as const,
  ]);
  try {
    await runMutation(
      tx,
      'addMessage',
      { messageId, ticketId: TICKET, kind, body: 'Sorry, we are on it.' },
      contextFixture(role, { mutationId: 7, now: NOW }),
    );
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    return { refused: `${error.code}: ${error.message}` };
  }
  const rows = [...tx.rows.entries()];
  const events = rows.filter(([key]) => key.startsWith('ticketEvent/')).map(([, row]) => row);
  return { ticket: await tx.get('ticket', TICKET), message: await tx.get('message', messageId), events };
}

describe('addMessage', () => {
  it.each([
    // kind, ticket before, status after, clock after (first reply, awaiting), history kinds
    ['reply', { status: 'new' }, 'open', [NOW, null], ['replied', 'status_changed']],
    ['reply', { status: 'open' }, 'open', [NOW, null], ['replied']],
    ['reply', { status: 'solved' }, 'solved', [NOW, null], ['replied']],
    [
      'reply',
      {
        status: 'open',
        clock: { firstReplyAt: 2_000, awaitingReplySince: 4_000, solvedAt: null, pausedSince: null, pauses: [] },
      },
      'open',
      [2_000, null],
      ['replied'],
    ],
    ['note', { status: 'new' }, 'new', [null, null], ['note_added']],
  ] as const)('%s on %o → status %s, clock %o, history %o', async (kind, before, status, clock, history) => {
    const result = await send(kind, before as Partial<Ticket>);
    expect(result.ticket?.status).toBe(status);
    expect(result.ticket?.updatedAt).toBe(NOW);
    const after = result.ticket?.clock;
    expect([after?.firstReplyAt ?? null, after?.awaitingReplySince ?? null]).toEqual(clock);
    expect(result.events?.map((event) => (event as { change: { kind: string } }).change.kind)).toEqual(history);
    expect(result.message).toMatchObject({ kind, authorId: 'usr_agent', createdAt: NOW, body: 'Sorry, we are on it.' });
  });

  it.each([
    [
      'a reply on a closed ticket',
      'reply',
      { status: 'closed' },
      'agent',
      'msg_new',
      /^conflict: The ticket is closed/,
    ],
    ['a reused message id', 'note', {}, 'agent', 'msg_taken', /^conflict: Another message/],
    ['a trainee', 'reply', {}, 'trainee', 'msg_new', /^forbidden/],
  ] as const)('refuses %s', async (_title, kind, ticket, role, messageId, refusal) => {
    const result = await send(kind, ticket, role, messageId);
    expect(result.refused).toMatch(refusal);
  });

  it('lets a note go on a closed ticket: the team may still write down what happened', async () => {
    const result = await send('note', { status: 'closed' });
    expect(result.message?.kind).toBe('note');
    expect(result.ticket?.status).toBe('closed');
  });
});
