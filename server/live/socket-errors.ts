import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/** Network failures on the client's side of an open socket: a laptop closing, a cut connection. */
const DISCONNECT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

/**
 * @fastify/websocket's errorHandler. Errors on an open socket are almost
 * always the client's doing: a protocol violation (ws's WS_ERR_* codes: an
 * oversized or malformed frame) is worth a warning, a vanished client only a
 * debug line. Neither is a server failure, so neither is logged as an error;
 * anything else still is. The socket is closed either way.
 */
export function handleSocketError(error: Error, socket: WebSocket, request: FastifyRequest): void {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && DISCONNECT_CODES.has(code)) {
    request.log.debug({ err: error }, 'live socket: the client went away');
  } else if (typeof code === 'string' && code.startsWith('WS_ERR_')) {
    request.log.warn({ err: error }, 'live socket: the client broke the WebSocket protocol');
  } else {
    request.log.error({ err: error }, 'live socket failed');
  }
  socket.terminate();
}
