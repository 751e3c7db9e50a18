import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { API_ROUTES } from '#shared/api/routes';
import { SocketClientMessage, type SocketServerMessage } from '#shared/sync/protocol';
import type { AppDeps } from '../app-deps.ts';
import { findSessionUser } from '../auth/sessions.ts';

/** A socket that has not said hello with a valid token by then is closed. */
const HELLO_TIMEOUT_MS = 5_000;

function messageText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  return Buffer.from(new Uint8Array(raw)).toString('utf8');
}

function send(socket: WebSocket, message: SocketServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/**
 * The live channel. Browsers cannot set headers on a WebSocket, so the session
 * token arrives in the first message rather than the URL (which would end up in logs).
 */
export function registerSocketRoute(app: FastifyInstance, { db, pokeHub }: AppDeps): void {
  app.get(API_ROUTES.socket, { websocket: true }, (socket) => {
    let detach: (() => void) | undefined;
    // Set before the token lookup, so two quick hellos cannot both subscribe.
    let greeted = false;
    let closed = false;
    const helloTimer = setTimeout(() => socket.close(4401, 'hello timeout'), HELLO_TIMEOUT_MS);

    const onHello = async (text: string) => {
      let parsed;
      try {
        parsed = SocketClientMessage.safeParse(JSON.parse(text));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        send(socket, { type: 'error', code: 'bad_message', message: 'Unrecognised message.' });
        return;
      }
      if (greeted) return; // Hello is answered once per socket.
      greeted = true;
      const user = await findSessionUser(db, parsed.data.token).catch(() => null);
      if (closed) return;
      if (!user) {
        send(socket, { type: 'error', code: 'unauthenticated', message: 'Your session has ended. Sign in again.' });
        socket.close(4401, 'unauthenticated');
        return;
      }
      clearTimeout(helloTimer);
      detach = pokeHub.add(user.workspaceId, { poke: (version) => send(socket, { type: 'poke', version }) });
      send(socket, { type: 'ready' });
    };

    // Oversized frames never get here: the plugin's maxPayload closes the socket first.
    socket.on('message', (raw, isBinary) => {
      if (isBinary) {
        socket.close(1003, 'text messages only');
        return;
      }
      void onHello(messageText(raw));
    });

    socket.on('close', () => {
      closed = true;
      clearTimeout(helloTimer);
      detach?.();
    });
  });
}
