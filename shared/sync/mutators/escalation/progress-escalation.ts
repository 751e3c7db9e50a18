import { z } from 'zod';
import { EvidenceUrl } from '../../../domain/escalation.ts';
import { EscalationId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { escalationOrReject, requireStatus, sampleEscalationId, withStep } from './escalation-rules.ts';

/**
 * The analyst's working steps: `in_progress` (they are on it) and
 * `forwarded` (engineering has it, with the issue tracker's link).
 */
export const progressEscalation = defineMutation({
  args: z.object({
    escalationId: EscalationId,
    to: z.enum(['in_progress', 'forwarded']),
    /** The engineering issue: required when forwarding. */
    externalUrl: EvidenceUrl.optional(),
  }),
  permission: 'escalations.work',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    if (args.to === 'forwarded' && args.externalUrl === undefined) {
      throw new MutationRejected('invalid', 'Forwarding to engineering needs the issue’s link.', {
        subject: { entity: 'escalation', id: escalation.id },
      });
    }
    const sameRef = args.to !== 'forwarded' || escalation.externalRef?.url === args.externalUrl;
    if (escalation.status === args.to && sameRef) return;
    requireStatus(
      escalation,
      ['sent', 'acknowledged', 'in_progress', 'forwarded'],
      args.to === 'forwarded' ? 'forwarded to engineering' : 'started',
    );
    const moved = {
      ...escalation,
      status: args.to,
      analystId: escalation.analystId ?? ctx.actor.id,
      acknowledgedAt: escalation.acknowledgedAt ?? ctx.now,
      ...(args.externalUrl === undefined ? {} : { externalRef: { url: args.externalUrl, at: ctx.now } }),
    };
    await tx.put(
      'escalation',
      withStep(moved, args.to === 'forwarded' ? 'forwarded' : 'started', ctx, args.externalUrl),
    );
  },
  sample: (random, world) => ({
    escalationId: sampleEscalationId(random, world),
    ...random.pick([
      { to: 'in_progress' as const },
      { to: 'forwarded' as const, externalUrl: 'https://tracker.example.com/ENG-4121' },
      { to: 'forwarded' as const },
    ]),
  }),
});
