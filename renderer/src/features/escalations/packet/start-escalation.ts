import type { SessionUser } from '#shared/api/auth';
import { type Escalation, OPEN_ESCALATION_STATUSES } from '#shared/domain/escalation';
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
  /** `note`: what was left out (tickets already with an analyst in another packet). */
  | { kind: 'created'; escalationId: string; note?: string }
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
  // A ticket already with an analyst stays in that packet (the mutator skips it too): say so, and when
  // every ticket is, open the packet they are in rather than start an empty one.
  const withAnalyst = escalations.filter((escalation) => OPEN_ESCALATION_STATUSES.has(escalation.status));
  const taken = new Set(withAnalyst.map((escalation) => escalation.id));
  const free = tickets.filter((ticket) => ticket.escalationId === undefined || !taken.has(ticket.escalationId));
  if (free.length === 0 && withAnalyst[0]) return { kind: 'resumed', escalationId: withAnalyst[0].id };
  const left = tickets.length - free.length;
  const note =
    left === 0
      ? undefined
      : `${left} ${left === 1 ? 'ticket is' : 'tickets are'} already with an analyst in “${withAnalyst[0]?.summary.trim() || 'another packet'}” and stay${left === 1 ? 's' : ''} there.`;

  const problem = problemId ? await db.rows('problem').get(problemId) : undefined;
  const escalationId = newEscalationId();
  const refusal = await runLocalChange(
    db,
    user,
    'createEscalation',
    {
      escalationId,
      ticketIds: free.map((ticket) => ticket.id),
      ...(problem ? { problemId: problem.id } : {}),
      fields: prefillPacket(free, problem),
    },
    'The escalation',
  );
  if (refusal) return { kind: 'refused', message: refusal };
  return note === undefined ? { kind: 'created', escalationId } : { kind: 'created', escalationId, note };
}
