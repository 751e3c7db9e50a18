import { z } from 'zod';
import { EpochMs, UserId } from '../domain/ids.ts';

/** Actions the audit log records, grouped by what admins filter on. */
export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'logout',
  'password.changed',
  'password.reset',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'user.sessions_revoked',
  'apikey.created',
  'apikey.revoked',
  'settings.changed',
  'import.completed',
  'intake.ticket_created',
  'intake.message_added',
  'ticket.changed',
  'view.changed',
  'macro.changed',
  'sla.changed',
  'mail.changed',
  'problem.changed',
  'escalation.changed',
  'shift.changed',
  'handover.changed',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.number().int().positive(),
  at: EpochMs,
  action: AuditAction,
  /** Who did it: a user, an API key, or the server's command line (both null). */
  userId: UserId.nullable(),
  apiKeyId: z.string().nullable(),
  /** The address the request came from, when there was a request. */
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Query-string filters; newest first, paged by `before` (an entry id). */
export const AuditQuery = z.object({
  action: AuditAction.optional(),
  userId: UserId.optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().positive().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
