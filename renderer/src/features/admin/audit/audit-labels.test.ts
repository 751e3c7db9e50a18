import { describe, expect, it } from 'vitest';
import { AuditEntry } from '#shared/api/audit';
import { auditActor, auditDetailText } from './audit-labels.ts';

describe('audit entries as text', () => {
  const entry = AuditEntry.parse({
    id: 1,
    at: 1,
    action: 'login.failed',
    userId: null,
    apiKeyId: null,
    ip: '127.0.0.1',
    detail: { email: '<img src=x onerror=alert(1)>' },
  });

  it('names who did it', () => {
    const names = new Map([['usr_admin', 'Morgan Diaz']]);
    expect(auditActor({ ...entry, userId: 'usr_admin' as AuditEntry['userId'] }, names)).toBe('Morgan Diaz');
    expect(auditActor({ ...entry, userId: 'usr_gone' as AuditEntry['userId'] }, names)).toBe('Unknown user (usr_gone)');
    expect(auditActor({ ...entry, apiKeyId: 'key_1' }, names)).toBe('API key key_1');
    expect(auditActor(entry, names)).toBe('Server (command line)');
  });

  it('shows detail as JSON text, markup and all', () => {
    expect(auditDetailText(entry.detail)).toBe('{\n  "email": "<img src=x onerror=alert(1)>"\n}');
    expect(auditDetailText({})).toBeNull();
  });
});
