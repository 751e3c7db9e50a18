/**
 * Runs async jobs one after another, in the order they were queued. The query
 * layer's reads go through one: a chunk of the initial load and a re-read of
 * changed rows then reach the index in the order IndexedDB answered them, so an
 * older copy of a row can never overwrite a newer one.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run(job: () => Promise<void>): Promise<void> {
    const next = this.tail.then(job);
    // A failed job must not stop the ones after it; its caller still sees the failure.
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once everything queued so far has run. */
  idle(): Promise<void> {
    return this.tail;
  }
}
