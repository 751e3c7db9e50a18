import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { API_ROUTES } from '#shared/api/routes';
import { SocketServerMessage } from '#shared/sync/socket-protocol';

/** Starts the app on a free loopback port; returns the live channel's URL. */
export async function listen(server: { app: FastifyInstance }): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}${API_ROUTES.socket}`;
}

/** Opens a socket and collects parsed server messages; `next(type)` waits for the next of that type. */
export async function openSocket(url: string) {
  const socket = new WebSocket(url);
  const messages: SocketServerMessage[] = [];
  const waiters: (() => void)[] = [];
  let closed: { code: number } | null = null;
  socket.on('message', (data: Buffer) => {
    messages.push(SocketServerMessage.parse(JSON.parse(data.toString('utf8'))));
    waiters.splice(0).forEach((wake) => wake());
  });
  socket.on('close', (code) => {
    closed = { code };
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const until = async (predicate: () => boolean, what: string, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(messages)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return {
    socket,
    isClosed: () => closed !== null,
    messages,
    send: (message: unknown) => socket.send(JSON.stringify(message)),
    until,
    next: async <T extends SocketServerMessage['type']>(type: T, after = 0) => {
      await until(() => messages.slice(after).some((m) => m.type === type), type);
      return messages.slice(after).find((m) => m.type === type) as Extract<SocketServerMessage, { type: T }>;
    },
    closed: async (timeoutMs = 5_000) => {
      await until(() => closed !== null, 'close', timeoutMs);
      return closed as unknown as { code: number };
    },
  };
}

export type TestSocket = Awaited<ReturnType<typeof openSocket>>;
