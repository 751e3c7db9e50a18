import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '#shared/api/routes';
import { PROTOCOL_VERSION, type PullResponse, type PushResponse, parsePullResponse } from '#shared/sync/protocol';
import { bearer } from './test-server.ts';

/** A minimal protocol client for server tests: raw push and pull, no local state. */
export function syncClient(app: FastifyInstance, token: string, ids: { clientGroupId: string; clientId: string }) {
  let nextId = 1;
  return {
    ...ids,
    mutation: (name: string, args: unknown, id = nextId++) => ({ id, name, args, createdAt: Date.now() }),
    push: async (mutations: unknown[]): Promise<{ status: number; body: PushResponse }> => {
      const response = await app.inject({
        method: 'POST',
        url: API_ROUTES.push,
        headers: bearer(token),
        payload: { protocolVersion: PROTOCOL_VERSION, ...ids, mutations },
      });
      return { status: response.statusCode, body: response.json() };
    },
    pull: async (cookie: string | null, resume: string | null = null): Promise<PullResponse> => {
      const response = await app.inject({
        method: 'POST',
        url: API_ROUTES.pull,
        headers: bearer(token),
        payload: { protocolVersion: PROTOCOL_VERSION, clientGroupId: ids.clientGroupId, cookie, resume },
      });
      if (response.statusCode !== 200) throw new Error(`pull failed: ${response.statusCode} ${response.body}`);
      return parsePullResponse(response.json());
    },
  };
}
