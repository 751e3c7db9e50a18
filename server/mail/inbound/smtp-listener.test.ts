import { execFile } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { type SmtpEnvelope, type SmtpListener, startSmtpListener } from './smtp-listener.ts';

interface Received {
  raw: Buffer;
  envelope: SmtpEnvelope;
}

/** Sends one mail to the listener with swaks, as a relay would; resolves with swaks' transcript. */
function swaks(port: number, args: string[]): Promise<{ exitCode: number; transcript: string }> {
  return new Promise((resolve) => {
    execFile(
      'swaks',
      ['--server', `127.0.0.1:${port}`, '--from', 'customer@example.test', ...args],
      { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ exitCode, transcript: `${stdout}${stderr}` });
      },
    );
  });
}

const quietLog = { warn: () => undefined };
let listener: SmtpListener | null = null;

afterEach(async () => {
  await listener?.close();
  listener = null;
});

async function listen(ingest: (raw: Buffer, envelope: SmtpEnvelope) => Promise<void>, maxMessageBytes = 100_000) {
  listener = await startSmtpListener({
    port: 0,
    host: '127.0.0.1',
    acceptDomains: ['Acme.test'],
    maxMessageBytes,
    ingest,
    log: quietLog,
    serverName: 'mx.shiftdesk.test',
  });
  return listener;
}

describe('SMTP listener', () => {
  it('hands the raw message and the envelope to ingest, and answers 250 after it', async () => {
    const received: Received[] = [];
    const { port } = await listen(async (raw, envelope) => {
      received.push({ raw, envelope });
    });
    const sent = await swaks(port, [
      '--to',
      'support@acme.test',
      '--header',
      'Subject: Printer on fire',
      '--body',
      'It is still burning.',
    ]);
    expect(sent.exitCode).toBe(0);
    expect(sent.transcript).toMatch(/220 mx\.shiftdesk\.test ESMTP/);
    expect(sent.transcript).toMatch(/250 SIZE 100000/);
    expect(received).toHaveLength(1);
    const text = received[0]?.raw.toString('utf8') ?? '';
    expect(text).toMatch(/^Subject: Printer on fire\r$/m);
    expect(text).toContain('It is still burning.');
    expect(received[0]?.envelope).toEqual({ from: 'customer@example.test', to: ['support@acme.test'] });
  });

  it('answers 451 when ingest fails, so the relay keeps the mail and a retry gets it in', async () => {
    const stored: Received[] = [];
    let attempts = 0;
    const { port } = await listen(async (raw, envelope) => {
      attempts += 1;
      if (attempts === 1) throw new Error('database is restarting');
      stored.push({ raw, envelope });
    });
    const args = ['--to', 'help@acme.test', '--header', 'Subject: Refund', '--body', 'Please refund order 77.'];
    const first = await swaks(port, args);
    expect(first.exitCode).not.toBe(0);
    expect(first.transcript).toMatch(/<\*\* 451 /);
    expect(stored).toHaveLength(0);

    const retry = await swaks(port, args);
    expect(retry.exitCode).toBe(0);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.raw.toString('utf8')).toContain('Please refund order 77.');
  });

  it('refuses mail over the size limit with 552 and never ingests it', async () => {
    let calls = 0;
    const { port } = await listen(async () => {
      calls += 1;
    }, 10_000);
    const sent = await swaks(port, ['--to', 'support@acme.test', '--body', 'x'.repeat(20_000)]);
    expect(sent.transcript).toMatch(/<\*\* 552 /);
    expect(sent.exitCode).not.toBe(0);
    expect(calls).toBe(0);
  });

  it('refuses recipients at other domains with 550', async () => {
    let calls = 0;
    const { port } = await listen(async () => {
      calls += 1;
    });
    const sent = await swaks(port, ['--to', 'someone@elsewhere.test', '--body', 'relay me']);
    expect(sent.transcript).toMatch(/<\*\* 550 /);
    expect(sent.exitCode).not.toBe(0);
    expect(calls).toBe(0);
  });

  it('fails to start on a port already taken', async () => {
    const { port } = await listen(async () => undefined);
    await expect(
      startSmtpListener({
        port,
        host: '127.0.0.1',
        acceptDomains: ['acme.test'],
        maxMessageBytes: 1_000,
        ingest: async () => undefined,
        log: quietLog,
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
