import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAIL_PEER, ensureMailPeer, openPeerMailbox, peerAddress } from '../../testing/mail-peer.ts';
import { HOSTILE_CORPUS_LIMITS, HOSTILE_MAILS } from './hostile-corpus.ts';
import { hostileExpectationFailures } from './hostile-corpus-check.ts';
import { parseInboundMail } from './parse-inbound-mail.ts';

const reason = await ensureMailPeer();

/** Sends raw bytes (8-bit charsets included, so not as a string) through the peer's SMTP relay. */
function sendRaw(to: string, raw: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = `${MAIL_PEER.host}:${MAIL_PEER.smtpPort}`;
    const args = ['--server', server, '--from', 'sender@customer.test', '--to', to, '--data', '-', '--silent', '2'];
    const child = execFile('swaks', args, { timeout: 120_000, maxBuffer: 1024 * 1024 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`swaks: ${stderr || error.message}`)) : resolve(),
    );
    child.stdin?.end(raw);
  });
}

/** The raw sources in `address`'s INBOX, once there is one (or after 30 s). */
async function receivedSources(address: string): Promise<Buffer[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = await openPeerMailbox(address);
    const sources: Buffer[] = [];
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        if (typeof client.mailbox === 'object' && client.mailbox.exists > 0) {
          for await (const message of client.fetch('1:*', { source: true })) {
            if (message.source) sources.push(message.source);
          }
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    if (sources.length > 0 || Date.now() > deadline) return sources;
    await new Promise((done) => setTimeout(done, 250));
  }
}

function bodyOf(raw: Buffer): Buffer {
  return raw.subarray(raw.indexOf('\r\n\r\n') + 4);
}

const SAFE = HOSTILE_MAILS.filter((entry) => entry.smtpSafe);

describe.skipIf(reason)(
  `the smtpSafe hostile corpus through a real SMTP relay and IMAP${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    it.each(SAFE.map((entry) => [entry.name, entry] as const))(
      '%s arrives with its body unchanged and parses as its entry expects',
      async (name, entry) => {
        const to = peerAddress(`corpus-${name}`);
        const raw = entry.raw({ to });
        await sendRaw(to, raw);
        const sources = await receivedSources(to);
        expect(sources).toHaveLength(1);
        const [source = Buffer.alloc(0)] = sources;
        // The relay adds its trace headers and may end the data with a line break; the body is otherwise untouched.
        const [sent, received] = [bodyOf(raw), bodyOf(source)];
        expect(received.subarray(0, sent.length).equals(sent)).toBe(true);
        expect(received.subarray(sent.length).toString('latin1')).toMatch(/^(\r\n)*$/);
        const mail = await parseInboundMail(source, HOSTILE_CORPUS_LIMITS);
        expect(hostileExpectationFailures(entry, mail, { to })).toEqual([]);
      },
      120_000,
    );
  },
);
