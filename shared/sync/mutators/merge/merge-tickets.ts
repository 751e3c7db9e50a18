import { z } from 'zod';
import { TicketId } from '../../../domain/ids.ts';
import { MERGED_TICKETS_MAX, type MergedTicket, type Ticket } from '../../../domain/ticket.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { recountProblems } from '../problem/problem-rules.ts';
import { eventIdFor, sampleTicketId, withStatus } from '../ticket/ticket-rules.ts';
import { canonicalTicket, mergedEntry, ticketName, ticketRef } from './merge-rules.ts';

/** Tickets one bulk merge takes; the keyboard flow sends a larger selection in several. */
export const MERGE_BATCH_MAX = 200;

/**
 * Merges duplicates into one canonical ticket. Each duplicate is closed and
 * points at the canonical one; the canonical one lists it, so every reply
 * also reaches that requester and its messages show in the canonical thread.
 * A duplicate that had tickets merged into it brings them along (merges stay
 * one link deep).
 *
 * Two devices merging offline: a target merged meanwhile is followed to where
 * it went; a duplicate already merged into this ticket is skipped, and one
 * merged into another ticket of the selection comes along with it; one merged
 * somewhere else is refused with the way forward (merge the rest), since
 * silently moving a ticket another agent merged would undo their decision.
 */
export const mergeTickets = defineMutation({
  args: z.object({
    targetId: TicketId,
    sourceIds: z.array(TicketId).min(1).max(MERGE_BATCH_MAX),
  }),
  permission: 'ticket.merge',
  run: async (tx, args, ctx) => {
    const target = await canonicalTicket(tx, args.targetId);
    const subject = { subject: { entity: 'ticket' as const, id: target.id } };
    if (target.status === 'closed') {
      throw new MutationRejected(
        'conflict',
        `${ticketName(target)} is closed, so nothing was merged into it. Merge into a ticket that is still open.`,
        subject,
      );
    }
    const sources: Ticket[] = [];
    const mergedAlready: Ticket[] = [];
    for (const id of new Set(args.sourceIds)) {
      if (id === target.id) continue;
      const source = await tx.get('ticket', id);
      if (!source) continue; // deleted meanwhile: nothing to merge
      if (source.mergedInto?.ticketId === target.id) continue; // already merged here (the same merge, twice)
      if (source.mergedInto) mergedAlready.push(source);
      else sources.push(source);
    }
    // One merged meanwhile into another ticket of this selection comes along with it (merges
    // stay one link deep), so it lands where the agent meant: that is no conflict.
    const moving = new Set<string>(sources.map((source) => source.id));
    const elsewhere = mergedAlready.filter((source) => !moving.has(source.mergedInto?.ticketId ?? ''));
    if (elsewhere.length > 0) {
      const rest = sources.map((source) => source.id);
      throw new MutationRejected(
        'conflict',
        `${elsewhere.map(ticketName).join(', ')} ${elsewhere.length === 1 ? 'was' : 'were'} already merged into another ticket, so nothing was merged.`,
        {
          ...subject,
          resolutions:
            rest.length > 0
              ? [
                  {
                    label: `Merge the other ${rest.length}`,
                    mutation: { name: 'mergeTickets', args: { targetId: target.id, sourceIds: rest } },
                  },
                ]
              : [],
        },
      );
    }
    if (sources.length === 0) return;
    // Checked before anything is written: a device replaying this change (a rebase, a bulk
    // action) keeps going after a refusal, so a half-written merge would stay on its screen.
    const total = sources.reduce(
      (count, source) => count + 1 + (source.merged?.length ?? 0),
      target.merged?.length ?? 0,
    );
    if (total > MERGED_TICKETS_MAX) {
      throw new MutationRejected(
        'invalid',
        `${ticketName(target)} would hold ${total} merged tickets; at most ${MERGED_TICKETS_MAX} can merge into one. Link the rest to a problem instead.`,
        subject,
      );
    }

    const added: MergedTicket[] = [];
    let line = 2;
    for (const source of sources) {
      // A canonical ticket merged into another hands its own duplicates over.
      for (const child of source.merged ?? []) {
        const row = await tx.get('ticket', child.ticketId);
        if (row?.mergedInto) {
          const { at, by, previousStatus } = row.mergedInto;
          await tx.put('ticket', { ...row, mergedInto: { ...ticketRef(target), at, by, previousStatus } });
        }
        added.push(child);
      }
      added.push(mergedEntry(source, ctx));
      const closed = withStatus(source, 'closed', ctx.now);
      const { merged: _handedOver, ...rest } = closed;
      await tx.put('ticket', {
        ...rest,
        mergedInto: { ...ticketRef(target), at: ctx.now, by: ctx.actor.id, previousStatus: source.status },
        updatedAt: ctx.now,
      });
      await tx.put('ticketEvent', {
        id: eventIdFor(ctx.clientId, ctx.mutationId, line++),
        ticketId: source.id,
        actorId: ctx.actor.id,
        at: ctx.now,
        change: { kind: 'merged_into', into: ticketRef(target) },
      });
    }
    const merged = [...(target.merged ?? []), ...added];
    await tx.put('ticket', { ...target, merged, updatedAt: ctx.now });
    await tx.put('ticketEvent', {
      id: eventIdFor(ctx.clientId, ctx.mutationId),
      ticketId: target.id,
      actorId: ctx.actor.id,
      at: ctx.now,
      change: {
        kind: 'tickets_merged',
        tickets: added.map((entry) => ({
          ticketId: entry.ticketId,
          ...(entry.number === undefined ? {} : { number: entry.number }),
        })),
      },
    });
    await recountProblems(tx, [target.problemId, ...sources.map((source) => source.problemId)], ctx.now);
  },
  sample: (random, world) => ({
    targetId: sampleTicketId(random, world),
    sourceIds: Array.from({ length: 1 + random.int(3) }, () => sampleTicketId(random, world)),
  }),
});
