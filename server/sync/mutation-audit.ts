import type { AuditAction } from '#shared/api/audit';
import { type MutationGroup, groupOf, isMutationName } from '#shared/sync/mutators/registry';

/**
 * The audit action a pushed mutation is recorded under, by its entity group:
 * an admin filtering for ticket changes should not wade through saved views.
 * A new group cannot compile without its action here.
 */
const AUDIT_ACTION_OF_GROUP: Record<MutationGroup, AuditAction> = {
  ticket: 'ticket.changed',
  // A reply or note is work on the ticket.
  message: 'ticket.changed',
  // Merging duplicates changes tickets.
  merge: 'ticket.changed',
  problem: 'problem.changed',
  escalation: 'escalation.changed',
  shift: 'shift.changed',
  handover: 'handover.changed',
  savedView: 'view.changed',
  macro: 'macro.changed',
  sla: 'sla.changed',
};

/** Every action push audits under, for readers of the whole ledger (the sync simulation). */
export const MUTATION_AUDIT_ACTIONS: readonly AuditAction[] = [...new Set(Object.values(AUDIT_ACTION_OF_GROUP))];

/** Unknown names (refused as such) stay under ticket changes, where every mutation was audited before groups. */
export function auditActionOf(name: string): AuditAction {
  return isMutationName(name) ? AUDIT_ACTION_OF_GROUP[groupOf(name)] : 'ticket.changed';
}
