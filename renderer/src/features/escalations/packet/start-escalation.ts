import type { SessionUser } from '#shared/api/auth';
import type { Escalation } from '#shared/domain/escalation';
import { EscalationId } from '#shared/domain/ids';
import { prefillPacket } from '#shared/escalation/prefill';
import type { ShiftdeskDb } from '../../../db/shiftdesk-db.ts';
import { runLocalChange } from '../../../sync/run-change.ts';
import { draftToResume } from './draft-to-resume.ts';

/** A new escalation's id, drawn here so the editor opens on it before the server has it. */
export function newEscalationId(): EscalationId {
  return EscalationId.parse(`esc_${crypto.randomUUID()}`);
}

export type StartOutcome =
  | { kind: 'created'; escalationId: string }
  /** These tickets already have a draft being written: that one opens instead of a second. */
  | { kind: 'resumed'; escalationId: string }
  | { kind: 'refused'; message: string };

/**
 * Starts a draft packet for the chosen tickets (and their problem, if any),
 * prefilled from them (shared/escalation/prefill.ts), as one local change that
 * syncs in the background. Tickets of one problem bring it along. Merged duplicates are escalated through the ticket
 * they were merged into (the mutator follows the link).
 */
export async function startEscalation(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  target: { ticketIds: readonly string[]; problemId?: string | undefined },
): Promise<StartOutcome> {
  const tickets = (await db.rows('ticket').bulkGet([...target.ticketIds])).filter((ticket) => ticket !== undefined);
  const linked = [...new Set(tickets.map((ticket) => ticket.escalationId).filter((id) => id !== undefined))];
  const escalations = (await db.rows('escalation').bulkGet(linked)).filter(
    (escalation): escalation is Escalation => escalation !== undefined,
  );
  // One problem shared by every ticket goes with them: its other tickets count in the impact.
  const problems = new Set(tickets.map((ticket) => ticket.problemId));
  const problemId = target.problemId ?? (problems.size === 1 ? [...problems][0] : undefined);
  const resume = draftToResume(tickets, escalations, user.id, target.problemId);
  if (resume) return { kind: 'resumed', escalationId: resume };

  const problem = problemId ? await db.rows('problem').get(problemId) : undefined;
  const escalationId = newEscalationId();
  const refusal = await runLocalChange(
    db,
    user,
    'createEscalation',
    {
      escalationId,
      ticketIds: tickets.map((ticket) => ticket.id),
      ...(problem ? { problemId: problem.id } : {}),
      fields: prefillPacket(tickets, problem),
    },
    'The escalation',
  );
  return refusal ? { kind: 'refused', message: refusal } : { kind: 'created', escalationId };
}
