import type { AuditAction, AuditQuery } from '#shared/api/audit';
import type { FieldProblems } from '../../../ui/field-problems.ts';

/** The filter form as typed: empty means "any"; dates are `yyyy-mm-dd` from date inputs. */
export interface AuditFilters {
  action: AuditAction | '';
  userId: string;
  from: string;
  to: string;
}

export type AuditFilterField = 'from' | 'to';

export const NO_AUDIT_FILTERS: AuditFilters = { action: '', userId: '', from: '', to: '' };
export const AUDIT_PAGE_SIZE = 50;

/** Midnight at the start of a `yyyy-mm-dd` day in this device's time zone, or null if it is not a date. */
export function startOfDay(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(year, month - 1, day);
  // new Date rolls 2024-02-31 over into March: refuse it instead.
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day) return null;
  return at.getTime();
}

/** The first millisecond after a day, so "to" includes the whole of its last day. */
function endOfDay(date: string): number | null {
  const start = startOfDay(date);
  if (start === null) return null;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime() - 1;
}

/**
 * The audit route's query for these filters: dates become the local day's
 * bounds, both inclusive; `before` pages to older entries.
 */
export function auditQuery(
  filters: AuditFilters,
  before?: number,
): { ok: true; query: AuditQuery } | { ok: false; problems: FieldProblems<AuditFilterField> } {
  const problems: FieldProblems<AuditFilterField> = {};
  const from = filters.from === '' ? undefined : startOfDay(filters.from);
  const to = filters.to === '' ? undefined : endOfDay(filters.to);
  if (from === null) problems.from = 'Enter a date, or leave it empty.';
  if (to === null) problems.to = 'Enter a date, or leave it empty.';
  if (typeof from === 'number' && typeof to === 'number' && to < from) problems.to = 'Choose a day on or after “From”.';
  if (Object.keys(problems).length > 0 || from === null || to === null) return { ok: false, problems };
  const query: AuditQuery = { limit: AUDIT_PAGE_SIZE };
  if (filters.action !== '') query.action = filters.action;
  if (filters.userId !== '') query.userId = filters.userId;
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  if (before !== undefined) query.before = before;
  return { ok: true, query };
}
