import type { SessionUser } from '#shared/api/auth';
import type { Escalation } from '#shared/domain/escalation';
import type { Ticket } from '#shared/domain/ticket';
import type { ShiftdeskDb } from '../../../db/shiftdesk-db.ts';
import { mutateBatch } from '../../../sync/mutate.ts';
import { newMessageId } from '../../conversation/send-plan.ts';
import { type FollowUpStatus, followUpChanges } from './follow-up-plan.ts';

/**
 * The tickets a follow-up is about, as this device holds them: the linked
 * ones, the tickets they were merged into, and the linked problem's (its
 * customers are in the impact too).
 */
export async function loadFollowUpTickets(
  db: ShiftdeskDb,
  escalation: Pick<Escalation, 'ticketIds' | 'problemId'>,
): Promise<Ticket[]> {
  const linked = (await db.rows('ticket').bulkGet([...escalation.ticketIds])).filter((row) => row !== undefined);
  const keptIds = linked.flatMap((ticket) => (ticket.mergedInto ? [ticket.mergedInto.ticketId] : []));
  const kept = (await db.rows('ticket').bulkGet(keptIds)).filter((row) => row !== undefined);
  const problem =
    escalation.problemId === undefined
      ? []
      : await db.rows('ticket').where('problemId').equals(escalation.problemId).toArray();
  return [...linked, ...kept, ...problem];
}

export interface FollowUpOutcome {
  replied: number;
  /** The rules' reasons for what was not done (a ticket someone else holds, a status that cannot move). */
  refused: string[];
}

/**
 * The follow-up as ONE local change: a reply and a status change on each
 * ticket, then the note on the escalation that it was done, all in one
 * IndexedDB transaction (it syncs in the background). Nothing is recorded when
 * no reply could be written, so the agent can try again.
 */
export async function sendFollowUp(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  escalationId: string,
  plan: { ticketIds: readonly string[]; body: string; status: FollowUpStatus },
  onProgress?: (done: number, total: number) => void,
): Promise<FollowUpOutcome> {
  const changes = followUpChanges(plan.ticketIds, plan.body, plan.status, () => newMessageId());
  return db.transaction('rw', db.syncTables(), async () => {
    // Read again inside the transaction: a second click, or another tab, must not reply to everyone twice.
    // (Two devices offline at once can still both send; the server records the first follow-up only.)
    const current = await db.rows('escalation').get(escalationId);
    if (current?.followUp) {
      return { replied: 0, refused: [`Already followed up on ${current.followUp.tickets} tickets; nothing was sent.`] };
    }
    const batch = await mutateBatch(db, user, changes, onProgress ? { onProgress } : {});
    const replied = batch.applied.filter((index) => changes[index]?.name === 'addMessage').length;
    const refused = batch.refused.map((refusal) => refusal.message);
    if (replied > 0) {
      const record = await mutateBatch(db, user, [
        { name: 'recordFollowUp', args: { escalationId, tickets: replied } },
      ]);
      refused.push(...record.refused.map((refusal) => refusal.message));
    }
    return { replied, refused };
  });
}
