import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface IntakeAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** Serves `app` on a loopback port: intake tests go over real HTTP, as integrations do. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** POSTs JSON with an API key (and an Idempotency-Key when given); never throws on a non-2xx. */
export async function postIntake(
  baseUrl: string,
  path: string,
  secret: string,
  body: unknown,
  idempotencyKey?: string,
): Promise<IntakeAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secret}`,
      'content-type': 'application/json',
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}
