/**
 * What the fetcher sleeps on between passes: a ring (checkNow, new mail, a
 * dropped connection), a timeout (the poll interval, a backoff) or stop. A
 * ring while nobody waits is kept, so the next wait returns at once: mail that
 * arrived during a pass is looked for by the following pass.
 */
export class Wakeup {
  #rung = false;
  #wake: (() => void) | null = null;

  ring(): void {
    this.#rung = true;
    this.#wake?.();
  }

  /** Forgets earlier rings: the pass about to start sees whatever they announced. */
  reset(): void {
    this.#rung = false;
  }

  /** Resolves at a ring (also one since the last reset), after `ms`, or when `signal` aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.#rung || signal.aborted) {
      this.#rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.#wake = null;
        this.#rung = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.#wake = done;
    });
  }
}

/** "60 s", "5 min", "500 ms": a poll interval in a status line. */
export function formatInterval(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1_000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
