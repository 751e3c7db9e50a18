import { z } from 'zod';
import { MessageId, TicketId } from '../../../domain/ids.ts';
import { AgentMessageKind, MessageBody } from '../../../domain/message.ts';
import { replyRecipients } from '../../../domain/reply-recipients.ts';
import { advanceClock, clockOf } from '../../../domain/ticket-clock.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { recordReopenRegression } from '../escalation/record-reopen-regression.ts';
import { recordTicketFailures } from '../trust/record-failures.ts';
import { eventIdFor, sampleTicketId, ticketOrReject, withStatus } from '../ticket/ticket-rules.ts';

/**
 * An agent's reply to the customer, or an internal note. The id comes from the
 * device with the arguments, so the draft written offline keeps its identity
 * through rebases and the screen can show it at once. A reply answers the
 * customer: it stops the response clocks, and a new ticket becomes open
 * (someone is on it). A note changes nothing but the thread.
 */
export const addMessage = defineMutation({
  args: z.object({
    messageId: MessageId,
    ticketId: TicketId,
    kind: AgentMessageKind,
    body: MessageBody,
  }),
  permission: 'ticket.reply',
  run: async (tx, args, ctx) => {
    const ticket = await ticketOrReject(tx, args.ticketId);
    const subject = { subject: { entity: 'ticket' as const, id: ticket.id } };
    if (await tx.get('message', args.messageId)) {
      throw new MutationRejected('conflict', 'Another message already has this id; nothing was sent.', subject);
    }
    if (ticket.mergedInto) {
      const into = ticket.mergedInto.number === undefined ? 'another ticket' : `#${ticket.mergedInto.number}`;
      throw new MutationRejected(
        'conflict',
        `This ticket was merged into ${into}, so nothing was added here. Write on ${into}: its replies reach this requester too.`,
        {
          ...subject,
          // Written offline while another device merged the ticket: the text is not lost, one
          // click adds it where the conversation went (the same id: nothing was stored under it).
          resolutions: [
            {
              label: `Add it to ${into}`,
              mutation: { name: 'addMessage', args: { ...args, ticketId: ticket.mergedInto.ticketId } },
            },
          ],
        },
      );
    }
    if (args.kind === 'reply' && ticket.status === 'closed') {
      throw new MutationRejected(
        'conflict',
        'The ticket is closed, so the reply was not sent. Copy it into a new ticket to the customer.',
        subject,
      );
    }
    await tx.put('message', {
      id: args.messageId,
      ticketId: ticket.id,
      kind: args.kind,
      authorId: ctx.actor.id,
      body: args.body,
      createdAt: ctx.now,
      // Written down with the reply, so everyone sees who it went to even after a later unmerge.
      ...(args.kind === 'reply' ? { recipients: replyRecipients(ticket) } : {}),
    });
    await tx.put('ticketEvent', {
      id: eventIdFor(ctx.clientId, ctx.mutationId),
      ticketId: ticket.id,
      actorId: ctx.actor.id,
      at: ctx.now,
      change:
        args.kind === 'reply'
          ? { kind: 'replied', messageId: args.messageId }
          : { kind: 'note_added', messageId: args.messageId },
    });
    if (args.kind === 'note') {
      await tx.put('ticket', { ...ticket, clock: clockOf(ticket), updatedAt: ctx.now });
      return;
    }
    const answered = { ...ticket, clock: advanceClock(clockOf(ticket), { kind: 'public_reply' }, ctx.now) };
    const opened = ticket.status === 'new' ? withStatus(answered, 'open', ctx.now) : answered;
    await tx.put('ticket', { ...opened, updatedAt: ctx.now });
    // A reply after its deadline is a breach the customer remembers: it goes on their trust ledger.
    await recordTicketFailures(tx, ticket, opened, ctx.now, 'agent');
    await recordReopenRegression(tx, ticket, opened, ctx.now, ctx.actor.id);
    if (opened.status !== ticket.status) {
      await tx.put('ticketEvent', {
        id: eventIdFor(ctx.clientId, ctx.mutationId, 2),
        ticketId: ticket.id,
        actorId: ctx.actor.id,
        at: ctx.now,
        change: { kind: 'status_changed', from: ticket.status, to: opened.status },
      });
    }
  },
  sample: (random, world) => ({
    // Now and then a device reuses an id (a replayed draft), which must be refused, not doubled.
    messageId:
      world.messageIds.length > 0 && random.chance(0.05)
        ? random.pick(world.messageIds)
        : `msg_${random.int(2 ** 31).toString(36)}`,
    ticketId: sampleTicketId(random, world),
    kind: random.chance(0.7) ? ('reply' as const) : ('note' as const),
    body: random.chance(0.03) ? '   ' : random.pick(SAMPLE_BODIES),
  }),
});

const SAMPLE_BODIES = [
  'Sorry about this, we are on it.',
  'Could you send us the **logs** from `~/.app/logs`?',
  'Checked with the analyst: known issue, fix due tonight.',
  'Customer called twice; be gentle.',
];
