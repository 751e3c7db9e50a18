import { describe, expect, it } from 'vitest';
import type { Escalation } from '../../../domain/escalation.ts';
import type { Role } from '../../../domain/roles.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { TEAM, contextFixture, customerFixture, problemFixture, ticketFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { MutationRejected } from '../../rejection.ts';
import { runMutation } from '../../run-mutation.ts';
import type { MutationName } from '../registry.ts';

const READY_FIELDS = {
  summary: 'Login fails after the 4.12 update',
  severity: 'sev2',
  stepsToReproduce: 'Update to 4.12, sign out, sign in with SSO.',
  expected: 'Signed in',
  actual: 'Error 502 after the SSO redirect',
  environment: 'iOS 17, app 4.12.0',
  tried: 'Cleared cache, reinstalled',
  evidence: [],
} as const;

function world(tickets: Partial<Ticket>[] = [{}, { customerId: 'cus_globex' as never }, {}]) {
  return memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ['customer', customerFixture()] as const,
    ['customer', customerFixture({ id: 'cus_globex' as never, name: 'Globex', domain: 'globex.example' })] as const,
    ['problem', problemFixture()] as const,
    ...tickets.map(
      (overrides, index) =>
        ['ticket', ticketFixture({ id: `tkt_00000${index + 1}` as never, number: 100 + index, ...overrides })] as const,
    ),
  ]);
}
type World = ReturnType<typeof world>;

let clock = 10_000;
async function run(tx: World, role: Role, name: MutationName, args: unknown): Promise<void> {
  clock += 1_000;
  await runMutation(tx, name, args, contextFixture(role, { now: clock, mutationId: clock }));
}
async function refusal(tx: World, role: Role, name: MutationName, args: unknown): Promise<string> {
  try {
    await run(tx, role, name, args);
  } catch (error) {
    if (error instanceof MutationRejected) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'applied';
}
const escalation = async (tx: World) => (await tx.get('escalation', 'esc_1')) as Escalation;

describe('an escalation from draft to follow-up', () => {
  it('counts impact from linked tickets, merged requesters and the linked problem', async () => {
    const tx = world([
      {},
      { customerId: 'cus_globex' as never },
      { problemId: 'prb_login' as never },
      {
        merged: [
          {
            ticketId: 'tkt_000009' as never,
            customerId: 'cus_initech' as never,
            requesterName: 'Ida',
            requesterEmail: 'ida@initech.example',
            subject: 'Login',
            mergedAt: 1,
            mergedBy: 'usr_agent' as never,
          },
        ],
      },
    ]);
    await run(tx, 'agent', 'createEscalation', {
      escalationId: 'esc_1',
      ticketIds: ['tkt_000001', 'tkt_000002', 'tkt_000004'],
      problemId: 'prb_login',
    });
    const created = await escalation(tx);
    // Tickets 1, 2, 4 (and 9 merged into 4), plus 3 through the problem; Acme, Globex and Initech.
    expect(created.impact).toEqual({ tickets: 5, customers: 3 });
    expect(created.status).toBe('draft');
    expect(created.readyAt).toBeUndefined();
    expect((await tx.get('ticket', 'tkt_000001'))?.escalationId).toBe('esc_1');
    expect((await tx.get('ticket', 'tkt_000003'))?.escalationId).toBeUndefined();
  });

  it('walks every step, with the readiness, status and role checks on the way', async () => {
    const tx = world();
    await run(tx, 'agent', 'createEscalation', { escalationId: 'esc_1', ticketIds: ['tkt_000001', 'tkt_000002'] });
    expect(await refusal(tx, 'agent', 'sendEscalation', { escalationId: 'esc_1', analystId: null })).toMatch(
      /^invalid: The escalation is not ready to send\. Missing: a one-line summary/,
    );
    await run(tx, 'agent', 'updateEscalation', { escalationId: 'esc_1', fields: READY_FIELDS });
    const ready = await escalation(tx);
    expect(ready.readyAt).toBe(clock);
    // Sending to someone who does not take escalations is refused; to the analyst it goes.
    expect(await refusal(tx, 'agent', 'sendEscalation', { escalationId: 'esc_1', analystId: 'usr_agent' })).toMatch(
      /^invalid: That teammate does not take escalations/,
    );
    await run(tx, 'agent', 'sendEscalation', { escalationId: 'esc_1', analystId: 'usr_analyst' });
    expect(await escalation(tx)).toMatchObject({ status: 'sent', analystId: 'usr_analyst', sentAt: clock });

    expect(await refusal(tx, 'agent', 'acknowledgeEscalation', { escalationId: 'esc_1' })).toBe(
      'forbidden: A agent cannot work escalations as an analyst.',
    );
    await run(tx, 'analyst', 'acknowledgeEscalation', { escalationId: 'esc_1' });
    await run(tx, 'analyst', 'askForInformation', {
      escalationId: 'esc_1',
      questionId: 'q1',
      text: 'Which SSO provider?',
    });
    expect(await escalation(tx)).toMatchObject({ status: 'needs_info', resumeStatus: 'acknowledged' });
    // A replayed question is not asked twice.
    await run(tx, 'analyst', 'askForInformation', {
      escalationId: 'esc_1',
      questionId: 'q1',
      text: 'Which SSO provider?',
    });
    expect((await escalation(tx)).questions).toHaveLength(1);

    // Only the author (or someone who works escalations) answers.
    expect(
      await refusal(tx, 'lead', 'answerQuestion', { escalationId: 'esc_1', questionId: 'q1', answer: 'Okta' }),
    ).toBe('applied');
    const answered = await escalation(tx);
    expect(answered.status).toBe('acknowledged');
    expect(answered.resumeStatus).toBeUndefined();
    expect(answered.questions[0]).toMatchObject({ answer: 'Okta', answeredBy: 'usr_lead' });

    expect(await refusal(tx, 'analyst', 'progressEscalation', { escalationId: 'esc_1', to: 'forwarded' })).toMatch(
      /^invalid: Forwarding to engineering needs the issue’s link/,
    );
    expect(
      await refusal(tx, 'analyst', 'progressEscalation', {
        escalationId: 'esc_1',
        to: 'forwarded',
        externalUrl: 'javascript:alert(1)',
      }),
    ).toMatch(/^invalid/);
    await run(tx, 'analyst', 'progressEscalation', {
      escalationId: 'esc_1',
      to: 'forwarded',
      externalUrl: 'https://tracker.example.com/ENG-1',
    });
    expect(await refusal(tx, 'agent', 'recordFollowUp', { escalationId: 'esc_1', tickets: 2 })).toMatch(/^conflict/);
    await run(tx, 'analyst', 'resolveEscalation', {
      escalationId: 'esc_1',
      outcome: 'fixed',
      note: 'Fixed in 4.12.1.',
    });
    await run(tx, 'agent', 'recordFollowUp', { escalationId: 'esc_1', tickets: 2 });
    const done = await escalation(tx);
    expect(done).toMatchObject({
      status: 'fixed',
      externalRef: { url: 'https://tracker.example.com/ENG-1' },
      resolution: { outcome: 'fixed', note: 'Fixed in 4.12.1.', by: 'usr_analyst' },
      followUp: { by: 'usr_agent', tickets: 2 },
    });
    expect(done.log.map((entry) => entry.step)).toEqual([
      'created',
      'sent',
      'acknowledged',
      'asked',
      'answered',
      'forwarded',
      'fixed',
      'followed_up',
    ]);
    expect(
      await refusal(tx, 'agent', 'updateEscalation', { escalationId: 'esc_1', fields: { summary: 'Changed later' } }),
    ).toMatch(/^conflict: The escalation is fixed now/);
  });

  it.each<[string, Partial<Record<keyof typeof READY_FIELDS, string>>, boolean]>([
    ['ready', {}, true],
    ['an edit that empties a field un-readies it', { tried: '' }, false],
  ])('readyAt follows the readiness check: %s', async (_title, change, ready) => {
    const tx = world();
    await run(tx, 'agent', 'createEscalation', {
      escalationId: 'esc_1',
      ticketIds: ['tkt_000001'],
      fields: READY_FIELDS,
    });
    const firstReady = (await escalation(tx)).readyAt;
    expect(firstReady).toBe(clock);
    await run(tx, 'agent', 'updateEscalation', { escalationId: 'esc_1', fields: change });
    expect((await escalation(tx)).readyAt).toBe(ready ? firstReady : undefined);
  });

  it('withdraws a draft and unlinks its tickets; a teammate who is not the author cannot', async () => {
    const tx = world();
    await run(tx, 'agent', 'createEscalation', { escalationId: 'esc_1', ticketIds: ['tkt_000001'] });
    // Another agent (a second account with the agent role) is not the author.
    const other = { ...contextFixture('agent'), actor: { id: 'usr_other' as never, role: 'agent' as const } };
    await expect(
      runMutation(tx, 'withdrawEscalation', { escalationId: 'esc_1' }, { ...other, now: clock + 1 }),
    ).rejects.toThrow('Only the agent who wrote this escalation can withdraw it.');
    await run(tx, 'agent', 'withdrawEscalation', { escalationId: 'esc_1' });
    expect((await escalation(tx)).status).toBe('withdrawn');
    expect((await tx.get('ticket', 'tkt_000001'))?.escalationId).toBeUndefined();
    const history = [...tx.rows.values()].filter((row) =>
      (row as { change?: { kind: string } }).change?.kind?.startsWith('escalat'),
    );
    expect(history.map((row) => (row as { change: { kind: string } }).change.kind)).toEqual([
      'escalated',
      'escalation_unlinked',
    ]);
  });

  it('never takes a ticket from a packet an analyst is working on; a draft gives it up', async () => {
    const tx = world();
    await run(tx, 'agent', 'createEscalation', {
      escalationId: 'esc_1',
      ticketIds: ['tkt_000001', 'tkt_000002'],
      fields: READY_FIELDS,
    });
    await run(tx, 'agent', 'sendEscalation', { escalationId: 'esc_1', analystId: null });
    await run(tx, 'lead', 'createEscalation', { escalationId: 'esc_2', ticketIds: ['tkt_000002', 'tkt_000003'] });
    const second = (await tx.get('escalation', 'esc_2')) as Escalation;
    expect(second.ticketIds).toEqual(['tkt_000003']);
    expect((await tx.get('ticket', 'tkt_000002'))?.escalationId).toBe('esc_1');
    expect((await escalation(tx)).impact).toEqual({ tickets: 2, customers: 2 });

    // A third packet takes #3 from the lead's draft, which is recounted without it.
    await run(tx, 'agent', 'createEscalation', { escalationId: 'esc_3', ticketIds: ['tkt_000003'] });
    expect(((await tx.get('escalation', 'esc_2')) as Escalation).ticketIds).toEqual([]);
    expect(((await tx.get('escalation', 'esc_2')) as Escalation).impact).toEqual({ tickets: 0, customers: 0 });
    expect((await tx.get('ticket', 'tkt_000003'))?.escalationId).toBe('esc_3');
  });

  it.each<[string, Role, string, unknown, string]>([
    [
      'another agent cannot edit my draft',
      'agent',
      'usr_other',
      { fields: { summary: 'Mine now, thanks' } },
      'forbidden',
    ],
    ['the author cannot empty a sent packet', 'agent', 'usr_agent', { fields: { stepsToReproduce: '' } }, 'conflict'],
    ['an analyst cannot empty a sent packet either', 'analyst', 'usr_analyst', { fields: { tried: 'n/a' } }, 'invalid'],
    [
      'an analyst may correct a sent packet',
      'analyst',
      'usr_analyst',
      { fields: { environment: 'Web, Chrome 131' } },
      'applied',
    ],
  ])('%s', async (_title, role, actorId, change, outcome) => {
    const tx = world();
    await run(tx, 'agent', 'createEscalation', {
      escalationId: 'esc_1',
      ticketIds: ['tkt_000001'],
      fields: READY_FIELDS,
    });
    if (actorId !== 'usr_other') await run(tx, 'agent', 'sendEscalation', { escalationId: 'esc_1', analystId: null });
    clock += 1_000;
    const ctx = { ...contextFixture(role), actor: { id: actorId as never, role }, now: clock, mutationId: clock };
    const result = await runMutation(
      tx,
      'updateEscalation',
      { escalationId: 'esc_1', ...(change as object) },
      ctx,
    ).then(
      () => 'applied',
      (error: unknown) => (error instanceof MutationRejected ? error.code : 'threw'),
    );
    expect(result).toBe(outcome);
  });

  it('an analyst who acknowledges takes the packet; reopening keeps the agent’s handoff time', async () => {
    const tx = world();
    await run(tx, 'agent', 'createEscalation', {
      escalationId: 'esc_1',
      ticketIds: ['tkt_000001'],
      fields: READY_FIELDS,
    });
    await run(tx, 'agent', 'sendEscalation', { escalationId: 'esc_1', analystId: 'usr_lead' });
    const sentAt = (await escalation(tx)).sentAt;
    await run(tx, 'analyst', 'acknowledgeEscalation', { escalationId: 'esc_1' });
    expect((await escalation(tx)).analystId).toBe('usr_analyst');
    await run(tx, 'analyst', 'resolveEscalation', { escalationId: 'esc_1', outcome: 'fixed', note: 'Fixed.' });
    await run(tx, 'agent', 'reopenEscalation', { escalationId: 'esc_1' });
    const reopened = await escalation(tx);
    expect(reopened).toMatchObject({ status: 'sent', sentAt, reopenedAt: clock, reopenedCount: 1 });
  });

  it('a regression flagged by a device’s watch is nobody’s step, so its author hears of it too', async () => {
    const tx = world();
    await run(tx, 'agent', 'createEscalation', {
      escalationId: 'esc_1',
      ticketIds: ['tkt_000001'],
      fields: READY_FIELDS,
    });
    await run(tx, 'agent', 'sendEscalation', { escalationId: 'esc_1', analystId: null });
    await run(tx, 'analyst', 'resolveEscalation', { escalationId: 'esc_1', outcome: 'fixed', note: 'Fixed.' });
    const fixedAt = clock;
    const newTicket = ticketFixture({ id: 'tkt_000009' as never, createdAt: fixedAt + 10, updatedAt: fixedAt + 10 });
    await tx.put('ticket', newTicket);
    await run(tx, 'agent', 'flagRegression', {
      escalationId: 'esc_1',
      ticketId: 'tkt_000009',
      matchedTicketId: 'tkt_000001',
      score: 0.6,
    });
    expect((await escalation(tx)).log.at(-1)).toMatchObject({ step: 'regression', by: null });
  });
});
