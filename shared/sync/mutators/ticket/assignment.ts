import { z } from 'zod';
import { TicketId, UserId } from '../../../domain/ids.ts';
import { can } from '../../../domain/permissions.ts';
import type { Ticket } from '../../../domain/ticket.ts';
import { defineMutation, type MutationContext, type MutatorTx } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { memberName, sampleTicketId, saveTicketChange, ticketOrReject } from './ticket-rules.ts';

async function assign(tx: MutatorTx, ticket: Ticket, assigneeId: UserId | null, ctx: MutationContext): Promise<void> {
  await saveTicketChange(
    tx,
    { ...ticket, assigneeId },
    { kind: 'assignee_changed', from: ticket.assigneeId, to: assigneeId },
    ctx,
  );
}

function refuseIfClosed(ticket: Ticket): void {
  if (ticket.status === 'closed') {
    throw new MutationRejected('conflict', 'The ticket is closed; it can no longer be assigned.', {
      subject: { entity: 'ticket', id: ticket.id },
    });
  }
}

/** "Mine": the agent takes an unassigned ticket. Two agents claiming at once: the first one wins, the other is told. */
export const claimTicket = defineMutation({
  args: z.object({ ticketId: TicketId }),
  permission: 'ticket.claim',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    if (ticket.assigneeId === ctx.actor.id) return;
    refuseIfClosed(ticket);
    if (ticket.assigneeId !== null) {
      const holder = ticket.assigneeId;
      throw new MutationRejected('conflict', `${await memberName(tx, holder)} claimed this ticket first.`, {
        subject: { entity: 'ticket', id: ticket.id },
        resolutions: can(ctx.actor.role, 'ticket.assign')
          ? [
              {
                label: 'Take it over',
                mutation: {
                  name: 'assignTicket',
                  args: { ticketId: ticket.id, assigneeId: ctx.actor.id, expectedAssigneeId: holder },
                },
              },
            ]
          : [],
      });
    }
    await assign(tx, ticket, ctx.actor.id, ctx);
  },
  sample: (random, world) => ({ ticketId: sampleTicketId(random, world) }),
});

/** The agent hands a ticket they hold back to the queue. */
export const releaseTicket = defineMutation({
  args: z.object({ ticketId: TicketId }),
  permission: 'ticket.claim',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    if (ticket.assigneeId === null) return;
    if (ticket.assigneeId !== ctx.actor.id) {
      throw new MutationRejected(
        'conflict',
        `${await memberName(tx, ticket.assigneeId)} holds this ticket now, so it was not released.`,
        { subject: { entity: 'ticket', id: ticket.id } },
      );
    }
    await assign(tx, ticket, null, ctx);
  },
  sample: (random, world) => ({ ticketId: sampleTicketId(random, world) }),
});

/** A lead assigns, reassigns or unassigns. `expectedAssigneeId` is who the lead saw holding it. */
export const assignTicket = defineMutation({
  args: z.object({ ticketId: TicketId, assigneeId: UserId.nullable(), expectedAssigneeId: UserId.nullable() }),
  permission: 'ticket.assign',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    if (ticket.assigneeId === args.assigneeId) return;
    refuseIfClosed(ticket);
    if (ticket.assigneeId !== args.expectedAssigneeId) {
      const holder = ticket.assigneeId === null ? 'nobody' : await memberName(tx, ticket.assigneeId);
      throw new MutationRejected('conflict', `The ticket was reassigned meanwhile: ${holder} holds it now.`, {
        subject: { entity: 'ticket', id: ticket.id },
        resolutions: [
          {
            label: 'Assign anyway',
            mutation: { name: 'assignTicket', args: { ...args, expectedAssigneeId: ticket.assigneeId } },
          },
        ],
      });
    }
    if (args.assigneeId !== null) {
      const member = await tx.get('member', args.assigneeId);
      if (!member) throw new MutationRejected('invalid', `${args.assigneeId} is not on this team.`);
      if (member.role === 'trainee') {
        throw new MutationRejected('invalid', `${member.name} is a trainee and works in the sandbox only.`);
      }
    }
    await assign(tx, ticket, args.assigneeId, ctx);
  },
  sample: (random, world) => {
    const ticketId = sampleTicketId(random, world);
    const someone = () => (random.chance(0.3) || world.memberIds.length === 0 ? null : random.pick(world.memberIds));
    return { ticketId, assigneeId: someone(), expectedAssigneeId: someone() };
  },
});
