import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { type ParsedMail, simpleParser } from 'mailparser';

const run = promisify(execFile);
const SCRIPT = resolve(import.meta.dirname, '../../scripts/mail-peer.sh');

/** The throwaway mail server of scripts/mail-peer.sh: every address has a mailbox with this password. */
export const MAIL_PEER = {
  host: '127.0.0.1',
  smtpPort: Number(process.env.SHIFTDESK_MAIL_PEER_SMTP_PORT ?? 31_025),
  imapPort: Number(process.env.SHIFTDESK_MAIL_PEER_IMAP_PORT ?? 31_143),
  password: 'peer-secret',
} as const;

function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: MAIL_PEER.host, port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(false));
  });
}

let started: Promise<string | null> | undefined;

/**
 * Starts the mail peer when it is not running yet. Resolves to null when it
 * answers, or to the reason it cannot, which skipped tests print in their titles.
 */
export function ensureMailPeer(): Promise<string | null> {
  started ??= (async () => {
    if ((await answers(MAIL_PEER.smtpPort)) && (await answers(MAIL_PEER.imapPort))) return null;
    try {
      await run(SCRIPT, ['start'], { timeout: 20_000 });
      return null;
    } catch (error) {
      const output = (error as { stderr?: string }).stderr?.trim();
      return `the loopback mail server (dovecot + OpenSMTPD, scripts/mail-peer.sh) could not start: ${output || String(error)}`;
    }
  })();
  return started;
}

/** A fresh address on the peer, so tests never share a mailbox. */
export function peerAddress(label: string, domain = 'customer.test'): string {
  return `${label}-${randomBytes(5).toString('hex')}@${domain}`;
}

export interface SwaksMail {
  from: string;
  to: string;
  subject?: string;
  body?: string;
  headers?: Record<string, string>;
  /** A whole RFC 5322 message instead of swaks' own (the hostile corpus). */
  raw?: string;
}

/** Sends one mail through the peer's SMTP relay with swaks, as a customer's mail client would. */
export async function sendWithSwaks(mail: SwaksMail): Promise<void> {
  const args = [
    '--server',
    `${MAIL_PEER.host}:${MAIL_PEER.smtpPort}`,
    '--from',
    mail.from,
    '--to',
    mail.to,
    '--silent',
    '2',
  ];
  if (mail.raw !== undefined) {
    args.push('--data', '-');
  } else {
    if (mail.subject !== undefined) args.push('--header', `Subject: ${mail.subject}`);
    for (const [name, value] of Object.entries(mail.headers ?? {})) args.push('--header', `${name}: ${value}`);
    args.push('--body', mail.body ?? '');
  }
  const child = run('swaks', args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  // Always closed: swaks reads a body or message from standard input when it has none otherwise.
  child.child.stdin?.end(mail.raw ?? '');
  await child;
}

/** Opens an IMAP session to one mailbox on the peer. */
export async function openPeerMailbox(address: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: MAIL_PEER.host,
    port: MAIL_PEER.imapPort,
    secure: false,
    auth: { user: address, pass: MAIL_PEER.password },
    logger: false,
  });
  await client.connect();
  return client;
}

/** Every message in `address`'s INBOX, parsed. */
export async function readPeerInbox(address: string): Promise<ParsedMail[]> {
  const client = await openPeerMailbox(address);
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const mails: ParsedMail[] = [];
      for await (const message of client.fetch('1:*', { source: true }, { uid: true })) {
        if (message.source) mails.push(await simpleParser(message.source));
      }
      return mails;
    } finally {
      lock.release();
    }
  } catch (error) {
    // An address that never received mail has an empty INBOX, and dovecot may answer "no messages" to 1:*.
    if (/Invalid messageset|No messages/i.test(String(error))) return [];
    throw error;
  } finally {
    await client.logout().catch(() => undefined);
  }
}

/** Polls `address`'s INBOX until `count` messages are there (or the deadline passes), returning them. */
export async function waitForPeerInbox(address: string, count: number, timeoutMs = 20_000): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeoutMs;
  let mails = await readPeerInbox(address);
  while (mails.length < count && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200));
    mails = await readPeerInbox(address);
  }
  return mails;
}

/**
 * Server environment variables that connect Shiftdesk to the peer: the team
 * mailbox `supportAddress` over IMAP, replies through the peer's relay.
 * Test-speed tuning: a send cut off by a crash is settled after 3 s, retries start at 0.5 s.
 */
export function peerMailEnv(supportAddress: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SHIFTDESK_IMAP_HOST: MAIL_PEER.host,
    SHIFTDESK_IMAP_PORT: String(MAIL_PEER.imapPort),
    SHIFTDESK_IMAP_SECURITY: 'none',
    SHIFTDESK_IMAP_USER: supportAddress,
    SHIFTDESK_IMAP_PASSWORD: MAIL_PEER.password,
    SHIFTDESK_SMTP_HOST: MAIL_PEER.host,
    SHIFTDESK_SMTP_PORT: String(MAIL_PEER.smtpPort),
    SHIFTDESK_SMTP_SECURITY: 'none',
    SHIFTDESK_MAIL_FROM: `Demo Support <${supportAddress}>`,
    SHIFTDESK_MAIL_POLL_SECONDS: '10',
    SHIFTDESK_MAIL_IN_DOUBT_SECONDS: '3',
    SHIFTDESK_MAIL_RETRY_BASE_SECONDS: '0.5',
    ...extra,
  };
}

