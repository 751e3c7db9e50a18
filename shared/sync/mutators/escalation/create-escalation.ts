import { z } from 'zod';
import { ESCALATION_TICKETS_MAX, type Escalation, PacketFields, blankPacket } from '../../../domain/escalation.ts';
import { EscalationId, ProblemId, TicketId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { sampleTicketId } from '../ticket/ticket-rules.ts';
import { problemOrReject, sampleProblemId } from '../problem/problem-rules.ts';
import { withImpact, withReadiness, withStep } from './escalation-rules.ts';
import { linkEscalationTickets } from './link-escalation-tickets.ts';

/**
 * Starts an escalation packet from a selection of tickets or a problem, with
 * whatever the device could prefill (summary, severity, environment…). It is
 * a draft until sent; the id comes from the device so it shows at once.
 */
export const createEscalation = defineMutation({
  args: z.object({
    escalationId: EscalationId,
    ticketIds: z.array(TicketId).max(ESCALATION_TICKETS_MAX),
    problemId: ProblemId.optional(),
    fields: PacketFields.partial().optional(),
  }),
  permission: 'escalations.create',
  run: async (tx, args, ctx) => {
    if (await tx.get('escalation', args.escalationId)) {
      throw new MutationRejected('conflict', 'Another escalation already has this id; nothing was created.', {
        subject: { entity: 'escalation', id: args.escalationId },
      });
    }
    if (args.problemId !== undefined) await problemOrReject(tx, args.problemId);
    const draft: Escalation = {
      id: args.escalationId,
      ...blankPacket(),
      ...args.fields,
      status: 'draft',
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
      updatedAt: ctx.now,
      ticketIds: [],
      ...(args.problemId === undefined ? {} : { problemId: args.problemId }),
      impact: { tickets: 0, customers: 0 },
      analystId: null,
      questions: [],
      regressions: [],
      log: [],
    };
    const ticketIds = await linkEscalationTickets(tx, draft, args.ticketIds, ctx);
    const linked = await withImpact(tx, { ...draft, ticketIds: ticketIds as Escalation['ticketIds'] });
    await tx.put('escalation', withReadiness(withStep(linked, 'created', ctx), ctx.now));
  },
  sample: (random, world) => ({
    escalationId:
      world.escalationIds.length > 0 && random.chance(0.05)
        ? random.pick(world.escalationIds)
        : `esc_${random.int(2 ** 31).toString(36)}`,
    ticketIds: Array.from({ length: random.int(4) }, () => sampleTicketId(random, world)),
    ...(random.chance(0.3) ? { problemId: sampleProblemId(random, world) } : {}),
    // Mostly a packet ready to send (so sends, questions and fixes follow), now and then a half-written or bad one.
    ...(random.chance(0.85) ? { fields: random.chance(0.7) ? SAMPLE_FIELDS[0] : random.pick(SAMPLE_FIELDS) } : {}),
  }),
});

/** A ready packet, a half-written one, and one with a field too long to accept. */
const SAMPLE_FIELDS: Partial<z.input<typeof PacketFields>>[] = [
  {
    summary: 'Login fails after the 4.12 update',
    severity: 'sev2',
    stepsToReproduce: 'Update to 4.12, sign out, sign in with SSO.',
    expected: 'Signed in',
    actual: 'Error 502 after the SSO redirect',
    environment: 'iOS 17, app 4.12.0',
    tried: 'Cleared cache, reinstalled',
    evidence: [{ kind: 'log', text: 'GET /sso/callback 502' }],
  },
  { summary: 'Invoice export blank', severity: null },
  { summary: 'x'.repeat(201) },
];
