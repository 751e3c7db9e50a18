import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureMailPeer, MAIL_PEER, peerAddress, sendWithSwaks, waitForPeerInbox } from '../../testing/mail-peer.ts';
import type { ImapMailbox } from './imap-connection.ts';
import { describeImapError } from './imap-errors.ts';
import { testImapConnection } from './test-imap-connection.ts';

const reason = await ensureMailPeer();

function peerMailbox(overrides: Partial<ImapMailbox> = {}): ImapMailbox {
  return {
    host: MAIL_PEER.host,
    port: MAIL_PEER.imapPort,
    security: 'none',
    user: peerAddress('test-connection'),
    password: MAIL_PEER.password,
    mailbox: 'INBOX',
    ...overrides,
  };
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  servers = [];
});

/** A TCP server that accepts and then says nothing, like a TLS port waiting for a handshake. */
async function silentServer(): Promise<number> {
  const server = createServer(() => undefined);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

describe.skipIf(reason)(`testImapConnection against the mail peer${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('signs in, counts the messages and reports IDLE', async () => {
    const server = peerMailbox();
    expect(await testImapConnection(server)).toEqual({
      ok: true,
      detail: `Signed in to 127.0.0.1:${MAIL_PEER.imapPort}; INBOX holds 0 messages; IDLE supported.`,
    });
    await sendWithSwaks({ from: peerAddress('customer'), to: server.user, subject: 'Hello', body: 'Hi' });
    await waitForPeerInbox(server.user, 1);
    expect((await testImapConnection(server)).detail).toContain('INBOX holds 1 message;');
  });

  it('names a mailbox that does not exist', async () => {
    const result = await testImapConnection(peerMailbox({ mailbox: 'Support Queue' }));
    expect(result).toEqual({
      ok: false,
      detail: `There is no mailbox named "Support Queue" on 127.0.0.1:${MAIL_PEER.imapPort}: check the mailbox name (INBOX for most teams).`,
    });
  });

  it('spots TLS chosen for a port that speaks plain IMAP', async () => {
    const result = await testImapConnection(peerMailbox({ security: 'tls' }));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/does not speak TLS from the first byte: choose STARTTLS/);
  });

  it('spots STARTTLS required by a server that does not offer it', async () => {
    const result = await testImapConnection(peerMailbox({ security: 'starttls' }));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/does not offer STARTTLS/);
  });

  // Last: dovecot slows down further sign-ins from an address that just failed one.
  it('says the sign-in was refused, mentions app passwords, and never echoes the password', async () => {
    const result = await testImapConnection(peerMailbox({ password: 'wrong-Secret-42' }));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/refused the sign-in for test-connection-[0-9a-f]+@customer\.test/);
    expect(result.detail).toMatch(/check the user and password/);
    expect(result.detail).toMatch(/app password/);
    expect(result.detail).not.toContain('wrong-Secret-42');
  });
});

describe('testImapConnection without a server to talk to', () => {
  it('reports a refused connection', async () => {
    const port = await closedPort();
    const result = await testImapConnection(peerMailbox({ port }));
    expect(result).toEqual({
      ok: false,
      detail: `Nothing answers on 127.0.0.1:${port} (connection refused): check the host and the port (993 for TLS, 143 for STARTTLS).`,
    });
  });

  it('reports a host name that does not resolve', async () => {
    const result = await testImapConnection(peerMailbox({ host: 'imap.no-such-host.invalid' }));
    expect(result.ok).toBe(false);
    expect(result.detail).toBe('The host name imap.no-such-host.invalid could not be found (DNS): check the host.');
  });

  it('gives up on a server that never greets, and suggests TLS', async () => {
    const port = await silentServer();
    const started = Date.now();
    const result = await testImapConnection(peerMailbox({ port }), { timeoutMs: 1_500 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(
      /never greeted: if the port expects TLS from the first byte \(usually 993\), choose TLS/,
    );
  });

  it('asks for the user and the password before trying', async () => {
    expect(await testImapConnection(peerMailbox({ user: ' ' }))).toEqual({
      ok: false,
      detail: 'IMAP always signs in: enter the mailbox user (usually the full address).',
    });
    const result = await testImapConnection(peerMailbox({ user: 'team@acme.test', password: null }));
    expect(result).toEqual({
      ok: false,
      detail: 'No password is set for team@acme.test: enter it (Gmail and Outlook need an app password).',
    });
  });
});

describe('describeImapError', () => {
  it('blanks the password wherever an error quotes it', () => {
    const server = peerMailbox({ password: 'hunter2!' });
    const detail = describeImapError(new Error('LOGIN "team" "hunter2!" rejected'), server);
    expect(detail).not.toContain('hunter2!');
    expect(detail).toContain('***');
  });

  it('keeps details within the status limit', () => {
    const detail = describeImapError(new Error('x'.repeat(2_000)), peerMailbox());
    expect(detail.length).toBeLessThanOrEqual(500);
  });
});
