import { z } from 'zod';
import { TicketId } from '../../../domain/ids.ts';
import { MAX_TAGS, TicketTag } from '../../../domain/ticket.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { sampleTicketId, saveTicketChange, ticketOrReject } from './ticket-rules.ts';

const TagArgs = z.object({ ticketId: TicketId, tag: TicketTag });

export const addTag = defineMutation({
  args: TagArgs,
  permission: 'ticket.triage',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    if (ticket.tags.includes(args.tag)) return;
    if (ticket.tags.length >= MAX_TAGS) {
      throw new MutationRejected('invalid', `A ticket can have at most ${MAX_TAGS} tags.`, {
        subject: { entity: 'ticket', id: ticket.id },
      });
    }
    await saveTicketChange(
      tx,
      { ...ticket, tags: [...ticket.tags, args.tag] },
      { kind: 'tag_added', tag: args.tag },
      ctx,
    );
  },
  sample: (random, world) => ({ ticketId: sampleTicketId(random, world), tag: random.pick(world.tags) }),
});

export const removeTag = defineMutation({
  args: TagArgs,
  permission: 'ticket.triage',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    if (!ticket.tags.includes(args.tag)) return;
    await saveTicketChange(
      tx,
      { ...ticket, tags: ticket.tags.filter((tag) => tag !== args.tag) },
      { kind: 'tag_removed', tag: args.tag },
      ctx,
    );
  },
  sample: (random, world) => ({ ticketId: sampleTicketId(random, world), tag: random.pick(world.tags) }),
});
