import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiErrorBody } from '#shared/api/errors';
import { API_ROUTES } from '#shared/api/routes';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, startTestServer } from '../testing/test-server.ts';

interface LogLine {
  level: number;
  msg: string;
}

/** A raw HTTP request, so the upgrade headers are exactly what the test says. */
function rawGet(port: number, headers: Record<string, string>) {
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path: API_ROUTES.socket, headers, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? '', body }),
        );
      },
    );
    request.on('upgrade', () => reject(new Error('the server upgraded a malformed handshake')));
    request.on('error', reject);
    request.end();
  });
}

describeEachDatabase('the live channel’s HTTP answers', (kind) => {
  const lines: LogLine[] = [];
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer(kind, {
      tickets: 0,
      config: { logLevel: 'debug' },
      logStream: { write: (line) => void lines.push(JSON.parse(line) as LogLine) },
    });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a plain GET with a JSON 426 naming the upgrade it needs', async () => {
    const response = await server.app.inject({ method: 'GET', url: API_ROUTES.socket });
    expect(response.statusCode).toBe(426);
    expect(response.headers.upgrade).toBe('websocket');
    expect(ApiErrorBody.parse(response.json()).error).toBe('upgrade_required');
  });

  it.each([
    ['no key', { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13' }],
    [
      'a bad version',
      {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-version': '99',
      },
    ],
  ])('answers a malformed upgrade (%s) with a JSON 400', async (_name, headers) => {
    const response = await rawGet(port, headers);
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(ApiErrorBody.parse(JSON.parse(response.body)).error).toBe('bad_upgrade');
  });

  it('logs a client breaking the protocol as a warning, not a server error', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${API_ROUTES.socket}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send('x'.repeat(10_000)); // over the 4 KB frame limit
    expect(await closed).toBe(1009);
    await expect.poll(() => lines.some((line) => line.level === 40 && /WebSocket protocol/.test(line.msg))).toBe(true);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
