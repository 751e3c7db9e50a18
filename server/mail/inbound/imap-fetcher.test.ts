import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailChannelStatus } from '../../../shared/api/mail.ts';
import {
  ensureMailPeer,
  MAIL_PEER,
  openPeerMailbox,
  peerAddress,
  sendWithSwaks,
  waitForPeerInbox,
} from '../../testing/mail-peer.ts';
import type { ImapMailbox } from './imap-connection.ts';
import { type FetchedMail, type ImapCursor, ImapFetcher, type ImapFetcherOptions } from './imap-fetcher.ts';

const reason = await ensureMailPeer();
const PEER_CONFIG = `${process.env.SHIFTDESK_MAIL_PEER_DIR ?? '/tmp/shiftdesk-mail-peer'}/dovecot.conf`;
const doveadm = existsSync(PEER_CONFIG) ? null : `the peer's dovecot config is not at ${PEER_CONFIG}`;

/** Ends every IMAP session of `address` on the peer, as a server restart would. */
async function kickFromPeer(address: string): Promise<void> {
  await promisify(execFile)('doveadm', ['-c', PEER_CONFIG, 'kick', address], { timeout: 10_000 });
}

function peerMailbox(user: string, overrides: Partial<ImapMailbox> = {}): ImapMailbox {
  return {
    host: MAIL_PEER.host,
    port: MAIL_PEER.imapPort,
    security: 'none',
    user,
    password: MAIL_PEER.password,
    mailbox: 'INBOX',
    ...overrides,
  };
}

/** A fetcher on one peer mailbox, with the cursor kept in memory the way the lead keeps it in the database. */
interface Harness {
  fetcher: ImapFetcher;
  /** Every mail ingest committed, in order. */
  stored: FetchedMail[];
  /** Every ingest call, committed or not: uid per call. */
  calls: number[];
  statuses: MailChannelStatus[];
  cursor: () => ImapCursor | null;
}

const running: ImapFetcher[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fetcher) => fetcher.stop()));
});

function harness(
  address: string,
  options: Partial<ImapFetcherOptions> & { initialCursor?: ImapCursor | null; failOn?: (uid: number) => boolean } = {},
): Harness {
  let cursor = options.initialCursor ?? null;
  const stored: FetchedMail[] = [];
  const calls: number[] = [];
  const statuses: MailChannelStatus[] = [];
  const fetcher = new ImapFetcher({
    server: peerMailbox(address),
    pollMs: 60_000,
    readCursor: async () => cursor,
    ingest: async (mail) => {
      calls.push(mail.uid);
      if (options.failOn?.(mail.uid)) throw new Error('the database went away');
      stored.push(mail);
      cursor = mail.cursor;
    },
    onStatus: (status) => statuses.push(status),
    maxMessageBytes: 50 * 1024 * 1024,
    log: { warn: () => undefined },
    ...options,
  });
  running.push(fetcher);
  return { fetcher, stored, calls, statuses, cursor: () => cursor };
}

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

function subjectOf(mail: FetchedMail): string {
  return /^Subject: (.*?)\r?$/m.exec(mail.raw.toString('utf8'))?.[1] ?? '';
}

function lastStatus(h: Harness): MailChannelStatus | undefined {
  return h.statuses.at(-1);
}

async function sendMails(address: string, subjects: string[]): Promise<void> {
  for (const subject of subjects) {
    await sendWithSwaks({ from: peerAddress('customer'), to: address, subject, body: `Body of ${subject}` });
  }
}

describe.skipIf(reason)(`ImapFetcher against the mail peer${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('picks up mail sent after start within about two seconds, through IDLE', async () => {
    const address = peerAddress('idle');
    const h = harness(address);
    h.fetcher.start();
    await until('IDLE', () => lastStatus(h)?.detail === 'Watching INBOX (IDLE)');
    expect(lastStatus(h)?.state).toBe('ok');

    await sendMails(address, ['First question']);
    const sentAt = Date.now();
    await until('the mail', () => h.stored.length === 1);
    // The poll interval is a minute, so only IDLE can have brought it this fast.
    expect(Date.now() - sentAt).toBeLessThan(2_500);

    const [mail] = h.stored;
    expect(subjectOf(mail!)).toBe('First question');
    expect(mail!.truncated).toBe(false);
    expect(mail!.size).toBe(mail!.raw.length);
    expect(h.cursor()).toEqual({ uidValidity: mail!.cursor.uidValidity, lastUid: mail!.uid });
    expect(mail!.cursor.uidValidity).toMatch(/^\d+$/);
  });

  it('picks up mail that arrived while stopped from the cursor, in uid order, without repeats', async () => {
    const address = peerAddress('restart');
    const h = harness(address);
    h.fetcher.start();
    await until('IDLE', () => lastStatus(h)?.state === 'ok');
    await sendMails(address, ['one']);
    await until('the first mail', () => h.stored.length === 1);
    await h.fetcher.stop();
    expect(lastStatus(h)).toMatchObject({ state: 'off' });

    await sendMails(address, ['two', 'three']);
    await waitForPeerInbox(address, 3);
    h.fetcher.start();
    await until('the mail sent while stopped', () => h.stored.length === 3);
    expect(h.stored.map(subjectOf)).toEqual(['one', 'two', 'three']);
    const uids = h.stored.map((mail) => mail.uid);
    expect(uids).toEqual([...uids].sort((a, b) => a - b));
    expect(new Set(uids).size).toBe(3);
    expect(h.cursor()?.lastUid).toBe(uids[2]);
  });

  it('offers a mail again after ingest failed, and skips nothing', async () => {
    const address = peerAddress('retry');
    await sendMails(address, ['a', 'b', 'c']);
    await waitForPeerInbox(address, 3);
    let failures = 0;
    const h = harness(address, {
      importExisting: 'all',
      failOn: (uid) => uid === 2 && failures++ === 0,
    });
    h.fetcher.start();
    await until('all three mails', () => h.stored.length === 3);
    expect(h.calls).toEqual([1, 2, 2, 3]);
    expect(h.stored.map(subjectOf)).toEqual(['a', 'b', 'c']);
    expect(h.statuses.some((s) => s.state === 'error' && /Could not store mail 2 from INBOX/.test(s.detail))).toBe(
      true,
    );
    await until('ok again', () => lastStatus(h)?.state === 'ok');
  });

  it('imports unseen mail on a first connect, and records a cursor past the seen mail it left out', async () => {
    const address = peerAddress('first');
    await sendMails(address, ['unseen 1', 'unseen 2', 'read already']);
    await waitForPeerInbox(address, 3);
    const peer = await openPeerMailbox(address);
    try {
      await peer.mailboxOpen('INBOX');
      await peer.messageFlagsAdd('3', ['\\Seen'], { uid: true });
    } finally {
      await peer.logout();
    }

    const h = harness(address);
    h.fetcher.start();
    await until('the unseen mail', () => h.stored.length === 2);
    await until('IDLE', () => lastStatus(h)?.state === 'ok');
    expect(h.stored.map(subjectOf)).toEqual(['unseen 1', 'unseen 2']);
    expect(h.stored.map((mail) => mail.cursor.lastUid)).toEqual([1, 3]);

    // A restart from that cursor does not bring the read mail in after all.
    await h.fetcher.stop();
    await sendMails(address, ['new']);
    await waitForPeerInbox(address, 4);
    h.fetcher.start();
    await until('the new mail', () => h.stored.length === 3);
    await until('IDLE', () => lastStatus(h)?.state === 'ok');
    expect(h.stored.map(subjectOf)).toEqual(['unseen 1', 'unseen 2', 'new']);
  });

  it('resumes a first import cut short without taking the read mail between unseen ones', async () => {
    const address = peerAddress('resume');
    await sendMails(address, ['unseen 1', 'read 2', 'read 3', 'unseen 4']);
    await waitForPeerInbox(address, 4);
    const peer = await openPeerMailbox(address);
    try {
      await peer.mailboxOpen('INBOX');
      await peer.messageFlagsAdd('2:3', ['\\Seen'], { uid: true });
    } finally {
      await peer.logout();
    }
    // The import stops after the first unseen mail (the store of the next one keeps failing).
    const first = harness(address, { failOn: (uid) => uid === 4 });
    first.fetcher.start();
    await until('the first unseen mail', () => first.stored.length === 1 && first.calls.includes(4));
    await first.fetcher.stop();
    expect(first.cursor()).toMatchObject({ lastUid: 1, importUntil: 4 });

    const resumed = harness(address, { initialCursor: first.cursor() });
    resumed.fetcher.start();
    await until('the second unseen mail', () => resumed.stored.length === 1);
    await until('IDLE', () => lastStatus(resumed)?.state === 'ok');
    expect(resumed.stored.map(subjectOf)).toEqual(['unseen 4']);
    expect(resumed.cursor()).toEqual({ uidValidity: first.cursor()?.uidValidity, lastUid: 4 });
  });

  it("imports nothing already there with importExisting 'none', only what arrives", async () => {
    const address = peerAddress('none');
    await sendMails(address, ['old']);
    await waitForPeerInbox(address, 1);
    const h = harness(address, { importExisting: 'none' });
    h.fetcher.start();
    await until('IDLE', () => lastStatus(h)?.state === 'ok');
    await sendMails(address, ['fresh']);
    await until('the fresh mail', () => h.stored.length === 1);
    expect(h.stored.map(subjectOf)).toEqual(['fresh']);
  });

  it('polls every pollMs when IDLE is off, and checkNow looks at once', async () => {
    const address = peerAddress('poll');
    const h = harness(address, { useIdle: false, pollMs: 400 });
    h.fetcher.start();
    await until('polling', () => lastStatus(h)?.detail === 'Checking INBOX every 400 ms');
    await sendMails(address, ['polled']);
    await until('the polled mail', () => h.stored.length === 1, 5_000);

    const slow = harness(address + '', { useIdle: false, pollMs: 60_000, importExisting: 'none' });
    slow.fetcher.start();
    await until('polling', () => lastStatus(slow)?.detail === 'Checking INBOX every 60 s');
    await sendMails(address, ['nudged']);
    await waitForPeerInbox(address, 2);
    slow.fetcher.checkNow();
    await until('the nudged mail', () => slow.stored.length === 1, 3_000);
    expect(subjectOf(slow.stored[0]!)).toBe('nudged');
  });

  it('delivers a 2 MB mail byte for byte as the server holds it', async () => {
    const address = peerAddress('large');
    const payload = randomBytes(1_500_000).toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw =
      `From: customer@example.test\r\nTo: ${address}\r\nSubject: Big attachment\r\n` +
      `MIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
      `${payload}\r\n`;
    expect(raw.length).toBeGreaterThan(2_000_000);
    const h = harness(address);
    h.fetcher.start();
    await until('IDLE', () => lastStatus(h)?.state === 'ok');
    await sendWithSwaks({ from: 'customer@example.test', to: address, raw });
    await until('the large mail', () => h.stored.length === 1, 20_000);

    const peer = await openPeerMailbox(address);
    let held: Buffer | undefined;
    try {
      await peer.mailboxOpen('INBOX', { readOnly: true });
      const message = await peer.fetchOne(h.stored[0]!.uid, { source: true }, { uid: true });
      held = message ? message.source : undefined;
    } finally {
      await peer.logout();
    }
    expect(held).toBeDefined();
    expect(h.stored[0]!.raw.equals(held!)).toBe(true);
    expect(h.stored[0]!.raw.toString('latin1')).toContain(payload.slice(0, 10_000));
  });

  it('fetches only the header of a mail over maxMessageBytes', async () => {
    const address = peerAddress('toolarge');
    const h = harness(address, { maxMessageBytes: 20_000 });
    h.fetcher.start();
    await until('IDLE', () => lastStatus(h)?.state === 'ok');
    await sendWithSwaks({ from: 'customer@example.test', to: address, subject: 'Huge', body: 'y'.repeat(60_000) });
    await until('the large mail', () => h.stored.length === 1);
    const [mail] = h.stored;
    expect(mail!.truncated).toBe(true);
    expect(mail!.size).toBeGreaterThan(60_000);
    expect(mail!.raw.length).toBeLessThan(2_000);
    expect(subjectOf(mail!)).toBe('Huge');
    expect(mail!.raw.toString('latin1')).not.toContain('yyyy');
  });

  it('waits for an ingest in flight on stop, and starts none after', async () => {
    const address = peerAddress('stop-ingest');
    await sendMails(address, ['m1', 'm2', 'm3']);
    await waitForPeerInbox(address, 3);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const calls: number[] = [];
    const fetcher = new ImapFetcher({
      server: peerMailbox(address),
      pollMs: 60_000,
      readCursor: async () => null,
      importExisting: 'all',
      ingest: async (mail) => {
        calls.push(mail.uid);
        await gate;
      },
      onStatus: () => undefined,
      maxMessageBytes: 1_000_000,
      log: { warn: () => undefined },
    });
    running.push(fetcher);
    fetcher.start();
    await until('the first ingest', () => calls.length === 1);
    let stopped = false;
    const stopping = fetcher.stop().then(() => {
      stopped = true;
    });
    await new Promise((done) => setTimeout(done, 300));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await new Promise((done) => setTimeout(done, 300));
    expect(calls).toEqual([1]);
  });

  it('cuts a download short on stop', async () => {
    const address = peerAddress('stop-download');
    const body = randomBytes(3_000_000).toString('base64').replace(/.{76}/g, '$&\r\n');
    for (const n of [1, 2]) {
      await sendWithSwaks({
        from: 'customer@example.test',
        to: address,
        raw: `From: customer@example.test\r\nTo: ${address}\r\nSubject: big ${n}\r\n\r\n${body}\r\n`,
      });
    }
    await waitForPeerInbox(address, 2, 30_000);
    const stopping: { done?: Promise<void> } = {};
    let stoppedAfterMs = 0;
    const h = harness(address, {
      importExisting: 'all',
      failOn: () => {
        // Stop once this ingest returned, while the 4 MB download of the next mail is on the wire.
        setTimeout(() => {
          const started = Date.now();
          stopping.done = h.fetcher.stop().then(() => {
            stoppedAfterMs = Date.now() - started;
          });
        }, 0);
        return false;
      },
    });
    h.fetcher.start();
    await until('the stop', () => stopping.done !== undefined, 20_000);
    await stopping.done;
    expect(stoppedAfterMs).toBeLessThan(1_000);
    await new Promise((done) => setTimeout(done, 500));
    expect(h.calls).toEqual([1]);
    expect(lastStatus(h)).toMatchObject({ state: 'off', detail: 'Stopped' });
  });

  it.skipIf(doveadm)(
    `reconnects after the server drops the session${doveadm ? ` (skipped: ${doveadm})` : ''}`,
    async () => {
      const address = peerAddress('kicked');
      const h = harness(address);
      h.fetcher.start();
      await until('IDLE', () => lastStatus(h)?.state === 'ok');
      await kickFromPeer(address);
      await until('the drop', () => lastStatus(h)?.state === 'error');
      expect(lastStatus(h)?.detail).toMatch(/^The connection to 127\.0\.0\.1:\d+ dropped .*Trying again in 1 s\.$/);
      await until('IDLE again', () => lastStatus(h)?.state === 'ok', 5_000);
      await sendMails(address, ['after the drop']);
      await until('the mail', () => h.stored.length === 1);
      expect(subjectOf(h.stored[0]!)).toBe('after the drop');
    },
  );

  it('finds a Message-ID in the inbox and in Sent, and nothing else', async () => {
    const address = peerAddress('find');
    const token = randomBytes(6).toString('hex');
    await sendWithSwaks({
      from: 'customer@example.test',
      to: address,
      subject: 'Has an id',
      body: 'Hello', // sendWithSwaks passes an empty body as `--body ''`, which swaks reads from stdin
      headers: { 'Message-ID': `<inbox.${token}@acme.test>` },
    });
    await waitForPeerInbox(address, 1);
    const peer = await openPeerMailbox(address);
    try {
      await peer.append(
        'Sent',
        `From: ${address}\r\nTo: customer@example.test\r\nSubject: Our reply\r\nMessage-ID: <sent.${token}@acme.test>\r\n\r\nDone.\r\n`,
      );
      // Contains the id searched for below as a substring, but is not it.
      await peer.append(
        'Sent',
        `From: ${address}\r\nSubject: Lookalike\r\nMessage-ID: <xsent.${token}@acme.test.example>\r\n\r\nNo.\r\n`,
      );
    } finally {
      await peer.logout();
    }
    const h = harness(address);
    expect(await h.fetcher.findMessageId(`inbox.${token}@acme.test`)).toBe(true);
    expect(await h.fetcher.findMessageId(`<sent.${token}@acme.test>`)).toBe(true);
    expect(await h.fetcher.findMessageId(`ent.${token}@acme.test`)).toBe(false);
    expect(await h.fetcher.findMessageId(`never.${token}@acme.test`)).toBe(false);
  });

  it('reports a missing mailbox and keeps trying', async () => {
    const address = peerAddress('nombox');
    const h = harness(address, { server: peerMailbox(address, { mailbox: 'Support' }) });
    h.fetcher.start();
    await until('the error', () => lastStatus(h)?.state === 'error');
    expect(lastStatus(h)?.detail).toMatch(
      /^There is no mailbox named "Support" on 127\.0\.0\.1:\d+: .* Trying again in 1 s\.$/,
    );
    await until('the retry', () => h.statuses.filter((s) => s.state === 'connecting').length >= 2, 5_000);
  });

  // Last: dovecot slows down further sign-ins from an address that just failed one.
  it('reports a refused sign-in in words an admin can act on', async () => {
    const address = peerAddress('badpass');
    const h = harness(address, { server: peerMailbox(address, { password: 'not-the-Password' }) });
    h.fetcher.start();
    await until('the error', () => lastStatus(h)?.state === 'error');
    const detail = lastStatus(h)?.detail ?? '';
    expect(detail).toMatch(/refused the sign-in for badpass-[0-9a-f]+@customer\.test: check the user and password/);
    expect(detail).toMatch(/app password/);
    expect(detail).not.toContain('not-the-Password');
    expect(h.calls).toEqual([]);
  });
});
