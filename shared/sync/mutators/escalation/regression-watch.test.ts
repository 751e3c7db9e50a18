import { describe, expect, it } from 'vitest';
import type { Escalation } from '../../../domain/escalation.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { REGRESSION_SIMILARITY_MIN, similarRegression } from '../../../escalation/regression-watch.ts';
import { LABELLED_TICKETS, type LabelledTicket } from '../../../similarity/fixtures/labelled-night-shift.ts';
import { SimilarityIndex } from '../../../similarity/similarity-index.ts';
import { TEAM, contextFixture, customerFixture, escalationFixture, ticketFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { runMutation } from '../../run-mutation.ts';
import type { MutationName } from '../registry.ts';

/**
 * Regression watch on the labelled night shift: the blank-invoice-PDF fault
 * was escalated with its first three reports and fixed; then the rest of the
 * shift arrives. A linked ticket that reopens, and a new report that looks
 * like the fixed ones, are flagged; unrelated tickets are not.
 */
const MIN = 60_000;
const SHIFT_END = 1_800_000_000_000;
const arrivedAt = (ticket: LabelledTicket) => SHIFT_END - ticket.minutesAgo * MIN;
const idOf = (ticket: LabelledTicket) => `tkt_${ticket.key}` as Ticket['id'];

const group = LABELLED_TICKETS.filter((ticket) => ticket.group === 'invoice-pdf-blank');
const escalated = group.slice(0, 3);
/** Fixed a minute after the third report arrived: everything later is "after the fix". */
const FIXED_AT = arrivedAt(escalated[2]!) + MIN;
const later = LABELLED_TICKETS.filter((ticket) => arrivedAt(ticket) > FIXED_AT);

function world() {
  return memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ['customer', customerFixture()] as const,
    ...LABELLED_TICKETS.map(
      (ticket, index) =>
        [
          'ticket',
          ticketFixture({
            id: idOf(ticket),
            number: 2000 + index,
            subject: ticket.subject,
            body: ticket.body,
            createdAt: arrivedAt(ticket),
            updatedAt: arrivedAt(ticket),
            status: escalated.includes(ticket) ? 'solved' : 'open',
            ...(escalated.includes(ticket) ? { escalationId: 'esc_pdf' as never } : {}),
          }),
        ] as const,
    ),
    [
      'escalation',
      escalationFixture({
        id: 'esc_pdf' as never,
        summary: 'Invoice PDFs export blank',
        status: 'fixed',
        ticketIds: escalated.map(idOf),
        analystId: 'usr_analyst' as never,
        resolution: { outcome: 'fixed', note: 'Fixed in 4.12.1', at: FIXED_AT, by: 'usr_analyst' as never },
      }),
    ] as const,
  ]);
}

type World = ReturnType<typeof world>;
const run = (tx: World, name: MutationName, args: unknown, now: number, role: 'agent' | 'lead' = 'agent') =>
  runMutation(tx, name, args, contextFixture(role, { now, mutationId: Math.floor(now / 1000) }));
const escalationOf = async (tx: World) => (await tx.get('escalation', 'esc_pdf')) as Escalation;

/** What an agent's device does for each ticket that arrives: ask the index, flag what matches a fixed escalation. */
async function watchArrivals(tx: World, index: SimilarityIndex): Promise<void> {
  for (const ticket of later) {
    index.upsert({ id: idOf(ticket), subject: ticket.subject, body: ticket.body, createdAt: arrivedAt(ticket) });
    const matches = index
      .similarTo(idOf(ticket), { limit: 5, minScore: 0 })
      .map((m) => ({ ticketId: m.id, score: m.score }));
    const escalation = await escalationOf(tx);
    const regression = similarRegression(
      escalation,
      (await tx.get('ticket', idOf(ticket)))!,
      matches,
      arrivedAt(ticket),
    );
    if (regression) {
      await run(
        tx,
        'flagRegression',
        {
          escalationId: escalation.id,
          ticketId: regression.ticketId,
          matchedTicketId: regression.matchedTicketId,
          score: regression.score,
        },
        arrivedAt(ticket),
      );
    }
  }
}

describe('regression watch', () => {
  it('flags a reopened linked ticket and a new look-alike, and leaves unrelated tickets alone', async () => {
    const tx = world();
    const index = new SimilarityIndex<string>();
    index.upsert(
      LABELLED_TICKETS.filter((ticket) => arrivedAt(ticket) <= FIXED_AT).map((ticket) => ({
        id: idOf(ticket),
        subject: ticket.subject,
        body: ticket.body,
        createdAt: arrivedAt(ticket),
      })),
    );

    // A customer on a fixed ticket says it is not fixed: the agent reopens it.
    await run(tx, 'setStatus', { ticketId: idOf(escalated[0]!), status: 'open' }, FIXED_AT + 5 * MIN);
    await watchArrivals(tx, index);

    const { regressions, log } = await escalationOf(tx);
    const reopened = regressions.filter((regression) => regression.kind === 'reopened');
    const similar = regressions.filter((regression) => regression.kind === 'similar');
    expect(reopened).toEqual([{ ticketId: idOf(escalated[0]!), kind: 'reopened', at: FIXED_AT + 5 * MIN }]);

    const laterReports = new Set(group.filter((ticket) => later.includes(ticket)).map(idOf));
    const flagged = similar.map((regression) => regression.ticketId);
    const truePositives = flagged.filter((id) => laterReports.has(id));
    // Printed for the record: how well the watch does on the whole shift, not only the one case asserted.
    (globalThis as unknown as { console: { log: (text: string) => void } }).console.log(
      `regression watch on the labelled shift: ${flagged.length} flagged, ${truePositives.length} of them later reports of the fixed fault (of ${laterReports.size})`,
    );
    expect(truePositives.length).toBeGreaterThan(0);
    expect(truePositives.length / flagged.length).toBeGreaterThanOrEqual(0.9);
    for (const regression of similar) {
      expect(regression.score).toBeGreaterThanOrEqual(REGRESSION_SIMILARITY_MIN);
      expect(escalated.map(idOf)).toContain(regression.matchedTicketId);
    }
    // An unrelated ticket after the fix: the analytics report timeout.
    const unrelated = later.find((ticket) => ticket.group === 'report-timeout')!;
    expect(flagged).not.toContain(idOf(unrelated));
    expect(log.filter((entry) => entry.step === 'regression')).toHaveLength(regressions.length);
  });

  it.each<[string, Partial<Escalation>, number, boolean]>([
    ['a fixed escalation, a new ticket', {}, FIXED_AT + MIN, true],
    ['a ticket older than the fix', {}, FIXED_AT - MIN, false],
    [
      'a won’t-fix escalation',
      {
        status: 'wont_fix',
        resolution: { outcome: 'wont_fix', note: 'By design', at: FIXED_AT, by: 'usr_analyst' as never },
      },
      FIXED_AT + MIN,
      false,
    ],
    ['an escalation still in progress', { status: 'in_progress', resolution: undefined }, FIXED_AT + MIN, false],
  ])('%s', (_title, overrides, createdAt, flagged) => {
    const escalation = escalationFixture({
      status: 'fixed',
      ticketIds: ['tkt_000001'] as never,
      resolution: { outcome: 'fixed', note: 'Fixed', at: FIXED_AT, by: 'usr_analyst' as never },
      ...overrides,
    });
    const regression = similarRegression(
      escalation,
      { id: 'tkt_new' as never, createdAt },
      [{ ticketId: 'tkt_000001', score: 0.6 }],
      createdAt,
    );
    expect(regression !== null).toBe(flagged);
  });

  it('flags a ticket once, however many devices notice it, and the analyst can reopen the fix', async () => {
    const tx = world();
    const args = {
      escalationId: 'esc_pdf',
      ticketId: idOf(later.find((t) => t.group === 'invoice-pdf-blank')!),
      matchedTicketId: idOf(escalated[0]!),
      score: 0.5,
    };
    await run(tx, 'flagRegression', args, FIXED_AT + 60 * MIN);
    await run(tx, 'flagRegression', args, FIXED_AT + 61 * MIN);
    expect((await escalationOf(tx)).regressions).toHaveLength(1);
    // A customer writing on a linked ticket reopens it too (addMessage by an agent does not reopen; setStatus does).
    await run(tx, 'reopenEscalation', { escalationId: 'esc_pdf', reason: 'Possible regression' }, FIXED_AT + 62 * MIN);
    const reopened = await escalationOf(tx);
    expect(reopened).toMatchObject({ status: 'sent', reopenedCount: 1, analystId: 'usr_analyst' });
    expect(reopened.resolution).toBeUndefined();
    expect(reopened.regressions).toHaveLength(1);
  });
});
