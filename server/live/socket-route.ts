import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { API_ROUTES } from '#shared/api/routes';
import { HEARTBEAT_INTERVAL_MS, SocketClientMessage, type SocketServerMessage } from '#shared/sync/socket-protocol';
import type { AppDeps } from '../app-deps.ts';
import { findSessionUser } from '../auth/sessions.ts';
import type { LiveConnection } from './live-hub.ts';

/** A socket that has not said hello with a valid token by then is closed. */
const HELLO_TIMEOUT_MS = 5_000;
/** Every this many heartbeats (about a minute), the socket's session is checked again. */
const SESSION_CHECK_EVERY = 15;
/** More messages than this per second from one socket are dropped (presence is a hint, not a stream). */
const MAX_MESSAGES_PER_SECOND = 20;

function messageText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  return Buffer.from(new Uint8Array(raw)).toString('utf8');
}

function send(socket: WebSocket, message: SocketServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function parse(text: string): SocketClientMessage | null {
  try {
    const parsed = SocketClientMessage.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The live channel. Browsers cannot set headers on a WebSocket, so the session
 * token arrives in the first message rather than the URL (which would end up in
 * logs). A protocol-level ping every few seconds finds clients that vanished
 * without closing (a cut network, a sleeping laptop), so their presence goes
 * within seconds, not at the next TCP timeout.
 */
export function registerSocketRoute(app: FastifyInstance, { db, liveHub, config }: AppDeps): void {
  const policy = { idleMs: config.sessionIdleMs };
  app.get(API_ROUTES.socket, { websocket: true }, (socket) => {
    let connection: LiveConnection | undefined;
    // Set before the token lookup, so two quick hellos cannot both subscribe.
    let greeted = false;
    let sessionToken: string | null = null;
    let closed = false;
    let alive = true;
    let windowStart = Date.now();
    let messagesInWindow = 0;
    const helloTimer = setTimeout(() => socket.close(4401, 'hello timeout'), HELLO_TIMEOUT_MS);
    let ticks = 0;
    const pingTimer = setInterval(() => {
      if (!alive) {
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
      // The session may end while the socket lives (signed out elsewhere, expired, revoked).
      if (++ticks % SESSION_CHECK_EVERY === 0 && sessionToken) void recheckSession(sessionToken);
    }, HEARTBEAT_INTERVAL_MS);

    const recheckSession = async (token: string) => {
      const user = await findSessionUser(db, token, policy).catch(() => undefined);
      if (user === null && !closed) {
        send(socket, { type: 'error', code: 'unauthenticated', message: 'Your session has ended. Sign in again.' });
        socket.close(4401, 'session ended');
      }
    };
    socket.on('pong', () => (alive = true));

    const onHello = async (token: string) => {
      if (greeted) return; // Hello is answered once per socket.
      greeted = true;
      const user = await findSessionUser(db, token, policy).catch(() => null);
      if (closed) return;
      if (!user) {
        send(socket, { type: 'error', code: 'unauthenticated', message: 'Your session has ended. Sign in again.' });
        socket.close(4401, 'unauthenticated');
        return;
      }
      clearTimeout(helloTimer);
      sessionToken = token;
      connection = liveHub.connect(
        user.workspaceId,
        user.id,
        (message) => send(socket, message),
        // Another session of this person may have ended, not this one: check this socket's own.
        () => void recheckSession(token),
      );
      send(socket, { type: 'ready', connectionId: connection.connectionId });
    };

    // Oversized frames never get here: the plugin's maxPayload closes the socket first.
    socket.on('message', (raw, isBinary) => {
      alive = true;
      if (isBinary) {
        socket.close(1003, 'text messages only');
        return;
      }
      const now = Date.now();
      if (now - windowStart >= 1_000) {
        windowStart = now;
        messagesInWindow = 0;
      }
      if (++messagesInWindow > MAX_MESSAGES_PER_SECOND) return;
      const message = parse(messageText(raw));
      if (!message) {
        send(socket, { type: 'error', code: 'bad_message', message: 'Unrecognised message.' });
        return;
      }
      if (message.type === 'hello') void onHello(message.token);
      else if (message.type === 'ping') send(socket, { type: 'pong', at: message.at });
      else if (connection) connection.setPresence(message.state);
    });

    socket.on('close', () => {
      closed = true;
      clearTimeout(helloTimer);
      clearInterval(pingTimer);
      connection?.close();
    });
  });
}
