/**
 * The one retry policy: exponential backoff with "full jitter" (a random delay
 * between 0 and the capped exponential step), so a hundred clients that lost
 * the server at the same moment do not all come back at the same moment.
 * Every reconnect and retry loop in the product uses this (sync pushes and
 * pulls, the live socket, the Postgres listener).
 */
export interface BackoffOptions {
  /** The first step's ceiling. */
  baseMs: number;
  /** No delay is ever longer than this. */
  maxMs: number;
  /** Never retry sooner than this (keeps a broken server from being hammered). */
  minMs?: number;
  /** Injected for tests and simulations; defaults to Math.random. */
  random?: () => number;
}

export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions) {}

  /** How many failures in a row so far. */
  get failures(): number {
    return this.attempt;
  }

  /** The delay before the next attempt; each call counts one more failure. */
  next(): number {
    const { baseMs, maxMs, minMs = 0, random = Math.random } = this.options;
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    return Math.max(minMs, Math.round(random() * ceiling));
  }

  /** After a success: the next failure starts from the first step again. */
  reset(): void {
    this.attempt = 0;
  }
}
