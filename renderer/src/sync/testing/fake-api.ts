import type { PullResponse } from '#shared/sync/protocol';
import type { ApiClient } from '../api-client.ts';

/**
 * A stand-in for the server at the network boundary, for engine tests that are
 * about scheduling: it processes pushes in order like the real one and
 * acknowledges them through pulls. (The real server is in the sync simulation.)
 */
export function fakeServerApi(clientIdOf: () => Promise<string>) {
  let processed = 0;
  const pushes: number[][] = [];
  let failure: Error | null = null;
  const api: ApiClient = {
    call: () => Promise.reject(new Error('unused')),
    login: () => Promise.reject(new Error('unused')),
    logout: () => Promise.resolve(),
    push: async ({ mutations }) => {
      if (failure) throw failure;
      pushes.push(mutations.map((m) => m.id));
      for (const m of mutations) if (m.id === processed + 1) processed = m.id;
      return { lastMutationId: processed, rejections: [] };
    },
    pull: async (): Promise<PullResponse> => ({
      cookie: 'c:e:1:w30',
      lastMutationIdChanges: { [await clientIdOf()]: processed },
      patch: [],
      resume: null,
      progress: null,
      revisited: [],
      setAside: [],
    }),
    fetchRoots: async () => ({ patch: [], setAside: [], missing: [] }),
    reportProblems: async () => undefined,
    searchArchive: async () => ({ results: [] }),
    downloadAttachment: () => Promise.reject(new Error('unused')),
  };
  return {
    api,
    pushes,
    /** Every push fails with `error` until called with null. */
    failPushes: (error: Error | null) => {
      failure = error;
    },
  };
}
