import type { IncomingHttpHeaders } from 'node:http';

const KEY = /^[+/0-9A-Za-z]{22}==$/;

/**
 * What is wrong with a WebSocket upgrade request, or null when `ws` will accept
 * it. Checked first so a bad handshake gets the API's JSON 400 rather than the
 * bare text answer `ws` writes straight to the socket. Mirrors ws's own checks.
 */
export function upgradeProblem(headers: IncomingHttpHeaders): string | null {
  if (headers.upgrade?.toLowerCase() !== 'websocket') return 'The Upgrade header must be "websocket".';
  const key = headers['sec-websocket-key'];
  if (key === undefined || !KEY.test(key)) return 'The Sec-WebSocket-Key header is missing or malformed.';
  const version = headers['sec-websocket-version'];
  if (version !== '13' && version !== '8') return 'The Sec-WebSocket-Version header must be 13.';
  return null;
}
