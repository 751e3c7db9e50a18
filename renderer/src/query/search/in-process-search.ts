import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import type { SearchEndpoint } from './search-client.ts';
import { SearchWorkerCore, type SearchWorkerCoreOptions } from './search-worker-core.ts';

/**
 * The search worker's logic behind the same protocol, in this thread: for
 * tests (in node, on fake-indexeddb) and for anywhere a Worker cannot be
 * started. Messages are copied (structuredClone) and delivered on a later
 * task each way, as postMessage would, so code that works against this
 * works against the worker.
 *
 * A module of its own so that the page's bundle, which imports
 * search-client.ts, does not pull in the index and MiniSearch.
 */
export function createInProcessSearch(
  db: ShiftdeskDb,
  options: Omit<SearchWorkerCoreOptions, 'db' | 'post'> = {},
): SearchEndpoint {
  let deliver: ((data: unknown) => void) | null = null;
  const core = new SearchWorkerCore({
    ...options,
    db,
    post: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => deliver?.(copy), 0);
    },
  });
  let started = false;
  let terminated = false;
  return {
    post: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => {
        if (!terminated) core.handle(copy);
      }, 0);
    },
    listen: (onMessage) => {
      deliver = onMessage;
      if (!started) {
        started = true;
        core.start();
      }
    },
    terminate: () => {
      terminated = true;
      deliver = null;
      core.dispose();
    },
  };
}
