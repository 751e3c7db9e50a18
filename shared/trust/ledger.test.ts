import { describe, expect, it } from 'vitest';
import type { CustomerFailure } from '../domain/customer-failure.ts';
import { withFailure } from './ledger.ts';

const failure = (key: string, at: number): CustomerFailure => ({ key, kind: 'sla_breach', at, what: `failure ${key}` });

describe('withFailure', () => {
  it('adds a failure newest first', () => {
    expect(withFailure([failure('a', 10)], failure('b', 20))?.map((f) => f.key)).toEqual(['b', 'a']);
    expect(withFailure(undefined, failure('a', 10))?.map((f) => f.key)).toEqual(['a']);
  });

  it('records a failure once: the same key again changes nothing', () => {
    const ledger = withFailure([], failure('a', 10)) ?? [];
    expect(withFailure(ledger, { ...failure('a', 99), what: 'replayed' })).toBeNull();
  });

  it('keeps the newest `max`, dropping the oldest', () => {
    const full = [failure('c', 30), failure('b', 20)];
    expect(withFailure(full, failure('d', 40), 2)?.map((f) => f.key)).toEqual(['d', 'c']);
    // Older than everything a full ledger keeps: nothing to write.
    expect(withFailure(full, failure('a', 10), 2)).toBeNull();
  });

  it('orders failures of one instant by key, the same on every device', () => {
    expect(withFailure([failure('b', 10)], failure('a', 10))?.map((f) => f.key)).toEqual(['a', 'b']);
    expect(withFailure([failure('a', 10)], failure('b', 10))?.map((f) => f.key)).toEqual(['a', 'b']);
  });
});
