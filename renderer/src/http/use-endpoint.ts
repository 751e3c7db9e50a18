import { useCallback, useEffect, useState } from 'react';
import type { EndpointInput, EndpointResult } from '#shared/api/endpoint';
import type { EndpointName, Endpoints } from '#shared/api/endpoints';
import { useWorkspace } from '../app/workspace-context.tsx';
import { type Failure, describeFailure } from './failure.ts';

export interface EndpointData<T> {
  /** The last answer, kept while a reload is under way or after it failed (stale beats blank). */
  data: T | undefined;
  /** When `data` arrived (what a snapshot like "who is on shift" is as of). */
  at: number | null;
  loading: boolean;
  failure: Failure | null;
  reload: () => void;
}

interface Settled<T> {
  request: string;
  data: T | undefined;
  at: number | null;
  failure: Failure | null;
}

/**
 * Reads one declared route into component state. Admin and team data is not
 * synced (it is small, changes rarely, and must not linger on devices), so it
 * is fetched when a screen opens and on request, never put in Dexie or Zustand.
 * Only the latest request may settle: a slow answer to an older one is ignored.
 */
export function useEndpoint<N extends EndpointName>(
  name: N,
  input: EndpointInput<Endpoints[N]>,
): EndpointData<EndpointResult<Endpoints[N]>> {
  const { api } = useWorkspace();
  // The input is compared by value: callers pass a fresh object literal on every render.
  const inputKey = JSON.stringify(input);
  const [attempt, setAttempt] = useState(0);
  const request = `${name} ${inputKey} #${attempt}`;
  const [settled, setSettled] = useState<Settled<EndpointResult<Endpoints[N]>>>({
    request: '',
    data: undefined,
    at: null,
    failure: null,
  });

  useEffect(() => {
    let current = true;
    api.call(name, JSON.parse(inputKey) as EndpointInput<Endpoints[N]>).then(
      (data) => {
        if (current) setSettled({ request, data, at: Date.now(), failure: null });
      },
      (error: unknown) => {
        if (current) setSettled((previous) => ({ ...previous, request, failure: describeFailure(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, name, inputKey, request]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loading = settled.request !== request;
  return { data: settled.data, at: settled.at, loading, failure: loading ? null : settled.failure, reload };
}
