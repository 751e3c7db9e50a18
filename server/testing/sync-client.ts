import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '#shared/api/routes';
import {
  type FetchResponse,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
  parseFetchResponse,
  parsePullResponse,
} from '#shared/sync/protocol';
import { bearer } from './test-server.ts';

/** A minimal protocol client for server tests: raw push, pull and fetch, no local state. */
export function syncClient(app: FastifyInstance, token: string, ids: { clientGroupId: string; clientId: string }) {
  let nextId = 1;
  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: bearer(token), payload: payload as object });
  const pull = async (cookie: string | null, resume: string | null = null): Promise<PullResponse> => {
    const response = await post(API_ROUTES.pull, {
      protocolVersion: PROTOCOL_VERSION,
      clientGroupId: ids.clientGroupId,
      cookie,
      resume,
    });
    if (response.statusCode !== 200) throw new Error(`pull failed: ${response.statusCode} ${response.body}`);
    return parsePullResponse(response.json());
  };
  return {
    ...ids,
    pull,
    mutation: (name: string, args: unknown, id = nextId++) => ({ id, name, args, createdAt: Date.now() }),
    push: async (mutations: unknown[], clientId = ids.clientId): Promise<{ status: number; body: PushResponse }> => {
      const response = await post(API_ROUTES.push, { protocolVersion: PROTOCOL_VERSION, ...ids, clientId, mutations });
      return { status: response.statusCode, body: response.json() };
    },
    /** Pulls every page until the cookie is final; returns the pages. */
    pullAll: async (cookie: string | null): Promise<PullResponse[]> => {
      const pages = [await pull(cookie)];
      for (let page = pages[0]; page?.resume;) {
        page = await pull(cookie, page.resume);
        pages.push(page);
      }
      return pages;
    },
    fetch: async (roots: { entity: string; id: string }[]): Promise<FetchResponse> => {
      const response = await post(API_ROUTES.fetch, { roots });
      if (response.statusCode !== 200) throw new Error(`fetch failed: ${response.statusCode} ${response.body}`);
      return parseFetchResponse(response.json());
    },
  };
}

export type SyncClient = ReturnType<typeof syncClient>;
