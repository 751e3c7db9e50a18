import { describe, expect, it } from 'vitest';
import { AuditEntry, AuditQuery } from '#shared/api/audit';
import { auditActor, auditDetailText } from './audit-labels.ts';
import { AUDIT_PAGE_SIZE, NO_AUDIT_FILTERS, auditQuery, startOfDay } from './audit-query.ts';

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('audit filters → query', () => {
  it('asks for the newest page without filters', () => {
    expect(auditQuery(NO_AUDIT_FILTERS)).toEqual({ ok: true, query: { limit: AUDIT_PAGE_SIZE } });
  });

  it.each([
    [{ action: 'user.disabled' }, { action: 'user.disabled' }],
    [{ userId: 'usr_agent' }, { userId: 'usr_agent' }],
    [{ from: '2024-03-05' }, { from: day(2024, 3, 5) }],
    [{ to: '2024-03-05' }, { to: day(2024, 3, 6) - 1 }],
    [
      { from: '2024-03-05', to: '2024-03-05' },
      { from: day(2024, 3, 5), to: day(2024, 3, 6) - 1 },
    ],
    [{ to: '2024-12-31' }, { to: day(2025, 1, 1) - 1 }],
  ] as const)('%j', (filters, expected) => {
    const result = auditQuery({ ...NO_AUDIT_FILTERS, ...filters });
    expect(result).toEqual({ ok: true, query: { limit: AUDIT_PAGE_SIZE, ...expected } });
    // What the route accepts: the mapping never produces a query the server would refuse.
    if (result.ok) expect(AuditQuery.safeParse(result.query).success).toBe(true);
  });

  it('pages to older entries with before', () => {
    expect(auditQuery({ ...NO_AUDIT_FILTERS, action: 'login' }, 1234)).toEqual({
      ok: true,
      query: { limit: AUDIT_PAGE_SIZE, action: 'login', before: 1234 },
    });
  });

  it.each([
    [{ from: '2024-03-06', to: '2024-03-05' }, ['to']],
    [{ from: 'yesterday' }, ['from']],
    [{ to: '2024-02-31' }, ['to']],
  ] as const)('refuses %j', (filters, fields) => {
    const result = auditQuery({ ...NO_AUDIT_FILTERS, ...filters });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toEqual(fields);
  });

  it('reads days in local time', () => {
    expect(new Date(startOfDay('2024-07-01') ?? 0).getHours()).toBe(0);
  });
});

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
