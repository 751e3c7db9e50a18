import { CUSTOMER_FAILURES_MAX, type CustomerFailure } from '../domain/customer-failure.ts';

/** Newest first; one instant's failures in key order, so every device keeps the same list. */
export function compareNewestFirst(a: CustomerFailure, b: CustomerFailure): number {
  return b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The ledger with `failure` added: newest first, at most `max`, the oldest
 * dropped first. null when nothing changes: a failure already recorded (same
 * key), or one older than everything a full ledger keeps. Callers then skip
 * the write, so replaying a mutation never touches the customer again.
 */
export function withFailure(
  ledger: readonly CustomerFailure[] | undefined,
  failure: CustomerFailure,
  max: number = CUSTOMER_FAILURES_MAX,
): CustomerFailure[] | null {
  const current = ledger ?? [];
  if (current.some((recorded) => recorded.key === failure.key)) return null;
  const next = [...current, failure].sort(compareNewestFirst).slice(0, max);
  return next.includes(failure) ? next : null;
}
