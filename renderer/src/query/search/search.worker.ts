import { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { SearchWorkerCore } from './search-worker-core.ts';

/**
 * The search worker: wiring only (the logic is search-worker-core.ts). The
 * database's name comes as the worker's name (createSearchWorkerClient), so
 * it is known before the first message and no message can come before it.
 */
const scope = self as unknown as {
  name: string;
  postMessage: (message: unknown) => void;
  onmessage: ((event: MessageEvent) => void) | null;
};

const core = new SearchWorkerCore({
  db: new ShiftdeskDb(scope.name),
  post: (message) => scope.postMessage(message),
});
scope.onmessage = (event) => core.handle(event.data);
core.start();
