/**
 * Slows password guessing. A key (one email from one address, or one address
 * alone) that failed `maxFailures` times within `windowMs` is refused until the
 * window passes. In memory, per server instance; enough to make online guessing
 * slow, and pruned so a flood of keys cannot grow it without bound.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 15 * 60_000,
    private readonly maxKeys = 100_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.maxFailures) return 0;
    return this.windowMs - (now - (recent[0] ?? now));
  }

  recordFailure(key: string, now = Date.now()): void {
    if (this.failures.size >= this.maxKeys) this.prune(now);
    this.failures.set(key, [...this.recent(key, now), now].slice(-this.maxFailures));
  }

  /** Takes back one failure recorded at `at` (a reserved attempt that turned out to succeed). */
  release(key: string, at: number): void {
    const failures = this.failures.get(key);
    const index = failures?.indexOf(at) ?? -1;
    if (!failures || index < 0) return;
    failures.splice(index, 1);
    if (failures.length === 0) this.failures.delete(key);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const key of this.failures.keys()) this.recent(key, now);
    // Still full of live keys (a flood): drop the oldest entries.
    for (const key of this.failures.keys()) {
      if (this.failures.size < this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
