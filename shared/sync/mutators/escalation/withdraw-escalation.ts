import { z } from 'zod';
import { EscalationId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import {
  escalationOrReject,
  requireAuthorOrWorker,
  requireStatus,
  sampleEscalationId,
  withStep,
} from './escalation-rules.ts';
import { unlinkEscalationTickets } from './link-escalation-tickets.ts';

/** Drops a draft that turned out not to need an analyst; its tickets are unlinked. */
export const withdrawEscalation = defineMutation({
  args: z.object({ escalationId: EscalationId }),
  permission: 'escalations.create',
  run: async (tx, args, ctx) => {
    const escalation = await escalationOrReject(tx, args.escalationId);
    if (escalation.status === 'withdrawn') return;
    requireStatus(escalation, ['draft'], 'withdrawn');
    requireAuthorOrWorker(escalation, ctx, 'withdraw it');
    await unlinkEscalationTickets(tx, escalation, escalation.ticketIds, ctx);
    const { readyAt: _ready, ...rest } = escalation;
    await tx.put('escalation', withStep({ ...rest, status: 'withdrawn' }, 'withdrawn', ctx));
  },
  sample: (random, world) => ({ escalationId: sampleEscalationId(random, world) }),
});
