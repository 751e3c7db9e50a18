import type { AuditAction, AuditEntry } from '#shared/api/audit';

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  login: 'Signed in',
  'login.failed': 'Sign-in failed',
  logout: 'Signed out',
  'password.changed': 'Changed own password',
  'password.reset': 'Password reset',
  'user.created': 'User added',
  'user.updated': 'User changed',
  'user.role_changed': 'Role changed',
  'user.disabled': 'User disabled',
  'user.enabled': 'User enabled',
  'user.sessions_revoked': 'Signed out everywhere',
  'apikey.created': 'API key created',
  'apikey.revoked': 'API key revoked',
  'settings.changed': 'Settings changed',
  'import.completed': 'Import completed',
  'intake.ticket_created': 'Ticket created by intake API',
  'intake.message_added': 'Message added by intake API',
  'ticket.changed': 'Ticket changed',
  'view.changed': 'Saved view changed',
  'macro.changed': 'Macro changed',
  'sla.changed': 'SLA policies changed',
  'mail.changed': 'Email settings changed',
  'problem.changed': 'Problem changed',
  'escalation.changed': 'Escalation changed',
  'shift.changed': 'Shift started or ended',
  'handover.changed': 'Handover changed',
};

/** Who did it, in words: a person by name, an API key, or the server's command line. */
export function auditActor(entry: AuditEntry, names: ReadonlyMap<string, string>): string {
  if (entry.userId !== null) return names.get(entry.userId) ?? `Unknown user (${entry.userId})`;
  if (entry.apiKeyId !== null) return `API key ${entry.apiKeyId}`;
  return 'Server (command line)';
}

/**
 * The entry's detail as indented JSON text. It may hold anything a client
 * sent (an email typed at sign-in, say), so it is only ever shown as text.
 */
export function auditDetailText(detail: AuditEntry['detail']): string | null {
  return Object.keys(detail).length === 0 ? null : JSON.stringify(detail, null, 2);
}
