import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMailPeer, MAIL_PEER } from '../../testing/mail-peer.ts';
import { testSmtpConnection } from './test-smtp-connection.ts';
import { startStrictSmtpServer, STRICT_PASSWORD, STRICT_USER, type StrictSmtpServer } from './testing-smtp-server.ts';

const peerUnavailable = await ensureMailPeer();
const peer = { host: MAIL_PEER.host, port: MAIL_PEER.smtpPort, security: 'none', user: '', password: null } as const;

describe.skipIf(peerUnavailable)(
  `testSmtpConnection against the mail peer${peerUnavailable ? ` (skipped: ${peerUnavailable})` : ''}`,
  () => {
    it('connects', async () => {
      expect(await testSmtpConnection(peer)).toEqual({
        ok: true,
        detail: `Connected to 127.0.0.1:${MAIL_PEER.smtpPort} without encryption (no user is set, so no sign-in).`,
      });
    });

    it('says when the port does not speak TLS from the first byte', async () => {
      const result = await testSmtpConnection({ ...peer, security: 'tls' });
      expect(result.ok).toBe(false);
      expect(result.detail).toMatch(/does not speak TLS from the first byte .*choose STARTTLS/);
    });

    it('says when the server offers no STARTTLS', async () => {
      const result = await testSmtpConnection({ ...peer, security: 'starttls' });
      expect(result.ok).toBe(false);
      expect(result.detail).toMatch(/does not offer STARTTLS .*If the port is 465, choose TLS/);
    });

    it('says when the server offers no sign-in, without showing the password', async () => {
      const result = await testSmtpConnection({ ...peer, user: 'team@acme.test', password: 'peer-secret-xyz' });
      expect(result.ok).toBe(false);
      expect(result.detail).toMatch(/does not offer sign-in on this connection/);
      expect(result.detail).not.toContain('peer-secret-xyz');
    });
  },
);

describe('testSmtpConnection', () => {
  let strict: StrictSmtpServer;
  let silent: Server;
  const silentSockets = new Set<Socket>();
  beforeAll(async () => {
    strict = await startStrictSmtpServer();
    // Accepts and says nothing, as a TLS-first port does to a client waiting for a plain greeting.
    silent = createServer((socket) => {
      silentSockets.add(socket);
      socket.on('close', () => silentSockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    for (const socket of silentSockets) socket.destroy();
    await new Promise((done) => silent.close(done));
    await strict.close();
  });

  it('refuses a closed port with what to check', async () => {
    const result = await testSmtpConnection({ ...peer, port: 9 });
    expect(result).toEqual({
      ok: false,
      detail:
        'Nothing accepts connections at 127.0.0.1:9 (connection refused): check the host and the port. ' +
        'Usual ports: 587 with STARTTLS, 465 with TLS.',
    });
  });

  it('signs in', async () => {
    const server = { host: '127.0.0.1', port: strict.port, security: 'none', user: STRICT_USER } as const;
    expect(await testSmtpConnection({ ...server, password: STRICT_PASSWORD })).toEqual({
      ok: true,
      detail: `Connected to 127.0.0.1:${strict.port} without encryption and signed in.`,
    });
    const wrong = await testSmtpConnection({ ...server, password: 'not-the-password' });
    expect(wrong.ok).toBe(false);
    expect(wrong.detail).toBe(
      `Connected to 127.0.0.1:${strict.port}, but the sign-in as ${STRICT_USER} was refused: ` +
        'check the user and password (the server said: 535 5.7.8 Authentication credentials invalid).',
    );
  });

  it('hints at TLS when a server accepts the connection but never greets', async () => {
    const { port } = silent.address() as AddressInfo;
    const result = await testSmtpConnection(
      { host: '127.0.0.1', port, security: 'starttls', user: '', password: null },
      { connectionTimeoutMs: 500 },
    );
    expect(result.ok).toBe(false);
    expect(result.detail).toBe(
      `127.0.0.1:${port} accepted the connection but never greeted us. A port that expects TLS from the first byte ` +
        '(usually 465) stays silent like this: choose TLS. Otherwise a firewall or proxy on the way is holding the connection.',
    );
  });
});
