import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useSyncExternalStore } from 'react';
import type { ViewSnapshot } from '#shared/query/query-index';
import type { ViewDefinition } from '#shared/query/view-definition';
import { useWorkspace } from '../app/workspace-context.tsx';
import type { LocalQueryLayer } from './local-query-layer.ts';
import type { QueryLoadStatus } from './load-status.ts';

/** The workspace's query layer, started on first use (it then keeps itself current until sign-out). */
export function useQueryLayer(): LocalQueryLayer {
  const { query } = useWorkspace();
  useEffect(() => query.start(), [query]);
  return query;
}

export function useQueryLoadStatus(): QueryLoadStatus {
  const query = useQueryLayer();
  return useSyncExternalStore(
    useCallback((onChange) => query.onStatus(onChange), [query]),
    () => query.status,
  );
}

/**
 * A maintained view, re-rendering the caller only when that view's rows
 * change. The caller reads the rows it shows by index (`at`, `slice`): the
 * view is never copied into React state.
 */
export function useLiveView(
  key: string,
  definition: ViewDefinition,
  textMatches: ReadonlySet<string> | null = null,
): ViewSnapshot | undefined {
  const query = useQueryLayer();
  // Views open when the load is done: re-render then.
  const status = useQueryLoadStatus();
  // Callers build definitions inline; the view is reopened only when its content changes.
  const signature = useMemo(() => JSON.stringify(definition), [definition]);
  const [opened, reopened] = useReducer((n: number) => n + 1, 0);
  // Before paint, so a view switch shows the new rows in the same frame.
  useLayoutEffect(() => {
    query.openView(key, JSON.parse(signature) as ViewDefinition, textMatches);
    reopened();
  }, [query, key, signature, textMatches]);
  const version = useSyncExternalStore(
    useCallback((onChange) => query.index.subscribe((changed) => changed.has(key) && onChange()), [query, key]),
    () => query.index.view(key)?.version ?? -1,
  );
  void opened;
  void version;
  void status;
  return query.index.view(key);
}
