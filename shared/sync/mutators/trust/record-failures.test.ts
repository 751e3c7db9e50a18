import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../domain/customer.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { HOUR, MINUTE, at } from '../../../sla/sla-fixtures.ts';
import { TEAM, contextFixture, customerFixture, problemFixture, ticketFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import type { MutationName } from '../registry.ts';
import { runMutation } from '../../run-mutation.ts';
import { recordTicketFailures } from './record-failures.ts';

// Urgent tickets run around the clock in the starter policies: first reply due 30 min after creation.
const T0 = at('2026-03-04T10:00Z');
const LATE = T0 + 3.5 * HOUR;

function world(tickets: Partial<Ticket>[]) {
  return memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ['customer', customerFixture()] as const,
    ['customer', customerFixture({ id: 'cus_globex' as never, name: 'Globex', domain: 'globex.example' })] as const,
    ['problem', problemFixture()] as const,
    ...tickets.map(
      (overrides, index) =>
        [
          'ticket',
          ticketFixture({
            id: `tkt_00000${index + 1}` as never,
            number: 1042 + index,
            priority: 'urgent',
            status: 'open',
            createdAt: T0,
            updatedAt: T0,
            ...overrides,
          }),
        ] as const,
    ),
  ]);
}

async function run(tx: ReturnType<typeof world>, name: MutationName, args: unknown, now: number, mutationId = 1) {
  await runMutation(tx, name, args, contextFixture('lead', { now, mutationId }));
}

async function ledger(tx: ReturnType<typeof world>, id = 'cus_acme'): Promise<Customer['failures']> {
  return (await tx.get('customer', id))?.failures;
}

const reply = (messageId: string) => ({ messageId, ticketId: 'tkt_000001', kind: 'reply', body: 'On it.' });

describe('the trust ledger, as the mutators keep it', () => {
  it('a late first reply records a breach at the deadline, once however often it is replayed', async () => {
    const tx = world([{}]);
    await run(tx, 'addMessage', reply('msg_late'), LATE);
    const recorded = await ledger(tx);
    expect(recorded).toEqual([
      {
        key: `sla:tkt_000001:first_response:${T0}`,
        kind: 'sla_breach',
        at: T0 + 30 * MINUTE,
        ticketId: 'tkt_000001',
        ticketNumber: 1042,
        what: 'First reply 3 h late on #1042',
      },
    ]);
    // Recorded again (another device's copy of the same late reply, a replay): nothing is written.
    const before = (await world([{}]).get('ticket', 'tkt_000001')) as Ticket;
    const after = (await tx.get('ticket', 'tkt_000001')) as Ticket;
    const writes = tx.writes.length;
    await recordTicketFailures(tx, before, after, LATE, 'agent');
    expect(tx.writes.length).toBe(writes);
    expect(await ledger(tx)).toEqual(recorded);
  });

  it('a reply in time records nothing and leaves the customer untouched', async () => {
    const tx = world([{}]);
    await run(tx, 'addMessage', reply('msg_quick'), T0 + 10 * MINUTE);
    expect(await ledger(tx)).toBeUndefined();
    expect(tx.writes.filter((write) => write.startsWith('customer/'))).toEqual([]);
  });

  it('solving late records each clock it stopped late; reopening later records the reopen', async () => {
    const tx = world([{}]);
    await run(tx, 'setStatus', { ticketId: 'tkt_000001', status: 'solved' }, T0 + 5 * HOUR, 1);
    await run(tx, 'setStatus', { ticketId: 'tkt_000001', status: 'open' }, T0 + 7 * HOUR, 2);
    expect((await ledger(tx))?.map((failure) => [failure.kind, failure.what])).toEqual([
      ['reopened', '#1042 reopened after it was solved'],
      ['sla_breach', 'Resolution 1 h late on #1042'],
      ['sla_breach', 'First reply 5 h late on #1042'],
    ]);
  });

  it('linking tickets to a problem records it once per customer, merged requesters’ customers included', async () => {
    const tx = world([
      {},
      {
        customerId: 'cus_globex' as never,
        requesterEmail: 'li@globex.example',
        merged: [
          {
            ticketId: 'tkt_000009' as never,
            customerId: 'cus_acme' as never,
            requesterName: 'Ana Costa',
            requesterEmail: 'ana@acme.example',
            subject: 'Login broken',
            mergedAt: T0,
            mergedBy: 'usr_agent' as never,
          },
        ],
      },
    ]);
    await run(tx, 'linkToProblem', { problemId: 'prb_login', ticketIds: ['tkt_000001', 'tkt_000002'] }, LATE);
    const acme = await ledger(tx);
    expect(acme).toHaveLength(1);
    expect(acme?.[0]).toMatchObject({
      key: 'problem:prb_login',
      kind: 'problem',
      at: T0,
      problemId: 'prb_login',
      what: 'Hit by the problem “Login fails after the 4.12 update” (#1042)',
    });
    expect(await ledger(tx, 'cus_globex')).toMatchObject([{ key: 'problem:prb_login', ticketNumber: 1043 }]);
  });

  it('unlinking withdraws the problem from a customer no other linked ticket ties to it; a move relinks it', async () => {
    const tx = world([{}, {}, { customerId: 'cus_globex' as never, requesterEmail: 'li@globex.example' }]);
    const link = (problemId: string, ticketIds: string[], mutationId: number) =>
      run(tx, 'linkToProblem', { problemId, ticketIds }, LATE, mutationId);
    const keys = async (id = 'cus_acme') => (await ledger(tx, id))?.map((failure) => failure.key) ?? [];
    await link('prb_login', ['tkt_000001', 'tkt_000002', 'tkt_000003'], 1);

    // Acme still has another ticket on the problem: it stays on their ledger.
    await run(tx, 'unlinkFromProblem', { ticketId: 'tkt_000001' }, LATE, 2);
    expect(await keys()).toEqual(['problem:prb_login']);
    await run(tx, 'unlinkFromProblem', { ticketId: 'tkt_000002' }, LATE, 3);
    expect(await keys()).toEqual([]);

    // Globex's ticket moves to another problem: a different fault after all.
    await run(
      tx,
      'createProblem',
      { problemId: 'prb_export', title: 'Invoice PDF export is blank', ticketIds: [] },
      LATE,
      4,
    );
    await link('prb_export', ['tkt_000003'], 5);
    expect(await keys('cus_globex')).toEqual(['problem:prb_export']);
  });
});
