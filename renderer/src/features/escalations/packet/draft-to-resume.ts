import type { Escalation } from '#shared/domain/escalation';

/**
 * Escalating tickets that are all in one draft of mine (for the same problem)
 * reopens that draft rather than starting a second one that would take the
 * tickets from it. Anything else (a sent packet, a teammate's draft, a mixed
 * selection) starts a new draft: the newest handoff is the one to follow.
 */
export function draftToResume(
  tickets: readonly { escalationId?: string | undefined }[],
  escalations: readonly Pick<Escalation, 'id' | 'status' | 'createdBy' | 'problemId'>[],
  me: string,
  problemId?: string,
): string | null {
  if (tickets.length === 0) return null;
  const first = tickets[0]?.escalationId;
  if (first === undefined || tickets.some((ticket) => ticket.escalationId !== first)) return null;
  const escalation = escalations.find((candidate) => candidate.id === first);
  if (!escalation || escalation.status !== 'draft' || escalation.createdBy !== me) return null;
  if (problemId !== undefined && escalation.problemId !== problemId) return null;
  return escalation.id;
}
