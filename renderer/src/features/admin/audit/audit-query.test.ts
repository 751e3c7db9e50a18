import { describe, expect, it } from 'vitest';
import { AuditQuery } from '#shared/api/audit';
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
