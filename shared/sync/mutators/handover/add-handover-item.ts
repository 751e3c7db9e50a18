import { z } from 'zod';
import { HANDOVER_ITEMS_MAX, type HandoverItem } from '../../../domain/handover.ts';
import { HandoverId } from '../../../domain/ids.ts';
import type { SeededRandom } from '../../../util/seeded-random.ts';
import { defineMutation, type SampleWorld } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { sampleTicketId } from '../ticket/ticket-rules.ts';
import {
  HandoverItemInput,
  buildingHandoverOf,
  newHandover,
  newSampleHandoverId,
  rejectTakenId,
  sameSubject,
  sampleItemId,
  sampleSeverity,
} from './handover-rules.ts';

/**
 * Adds a ticket, escalation, problem or customer to the handover I am
 * building, starting one (with the device's id) if I have none. One building
 * handover per person: when two devices each started one offline, items go
 * into the oldest, so nothing is split across two handovers.
 */
export const addHandoverItem = defineMutation({
  args: z.object({ handoverId: HandoverId, item: HandoverItemInput }),
  permission: 'handover.work',
  run: async (tx, args, ctx) => {
    let handover = await buildingHandoverOf(tx, ctx.actor.id);
    if (!handover) {
      if (await tx.get('handover', args.handoverId)) rejectTakenId(args.handoverId, 'nothing was added');
      handover = newHandover(args.handoverId, ctx);
    }
    const subject = { subject: { entity: 'handover', id: handover.id } };
    if (handover.items.some((item) => sameSubject(item.subject, args.item.subject))) {
      throw new MutationRejected('conflict', `${args.item.subject.label} is already in your handover.`, subject);
    }
    if (handover.items.some((item) => item.id === args.item.id)) {
      throw new MutationRejected(
        'conflict',
        'Your handover already has an item with this id; nothing was added.',
        subject,
      );
    }
    if (handover.items.length >= HANDOVER_ITEMS_MAX) {
      throw new MutationRejected(
        'invalid',
        `Your handover already has ${HANDOVER_ITEMS_MAX} items, as many as one can hold; close or remove one first.`,
        subject,
      );
    }
    const item: HandoverItem = { ...args.item, addedAt: ctx.now, addedBy: ctx.actor.id };
    await tx.put('handover', { ...handover, items: [...handover.items, item], updatedAt: ctx.now });
  },
  sample: (random, world) => ({
    handoverId: newSampleHandoverId(random),
    item: sampleItem(random, world),
  }),
});

const SUMMARIES = [
  'Checkout fails for EU customers since the 4.12 deploy',
  'VIP customer waiting on a refund decision',
  'Login loop on SSO for one tenant',
  // Not one line: refused.
  'x'.repeat(201),
];

function sampleItem(random: SeededRandom, world: SampleWorld): z.input<typeof HandoverItemInput> {
  const ticketId = sampleTicketId(random, world);
  return {
    id: sampleItemId(random),
    subject: { kind: 'ticket', id: ticketId, label: `#${ticketId.slice(-4)} ${random.pick(['Checkout', 'Login'])}` },
    severity: sampleSeverity(random),
    summary: random.chance(0.9) ? random.pick(SUMMARIES.slice(0, 3)) : random.pick(SUMMARIES),
    actions: random.chance(0.6)
      ? [{ id: 'a1', text: 'Check the rollback at 06:00', dueAt: world.now + random.int(4) * 3_600_000 }]
      : [],
    awareness: random.pick(['', 'Engineering is rolling back']),
    contingency: random.pick(['', 'If it is still down at 06:30, page on-call']),
  };
}
