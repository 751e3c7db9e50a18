import { useEffect } from 'react';

export const QUEUE_PAINTED_MARK = 'shiftdesk:queue-painted';

/**
 * Marks (once per page load) the first frame in which the queue shows tickets,
 * so benchmarks measure what the agent sees rather than when data arrived.
 */
export function useFirstPaintMark(ready: boolean): void {
  useEffect(() => {
    if (!ready || performance.getEntriesByName(QUEUE_PAINTED_MARK).length > 0) return;
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(QUEUE_PAINTED_MARK).length === 0) performance.mark(QUEUE_PAINTED_MARK);
    });
  }, [ready]);
}
