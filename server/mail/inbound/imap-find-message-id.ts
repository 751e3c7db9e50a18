import { ImapFlow } from 'imapflow';
import { bareMessageId } from '../message-ids.ts';
import { closeImapClient, type ImapMailbox, imapClientOptions, missingCredentials } from './imap-connection.ts';
import { describeImapError, ImapProblem } from './imap-errors.ts';

const TIMEOUT_MS = 30_000;

/**
 * Whether a mail with this Message-ID sits in the watched mailbox, INBOX or the
 * \Sent mailbox. The lead asks it after a crash between handing a reply to SMTP
 * and recording that it went: our Bcc copy, or the server's own Sent copy, says
 * it did. Uses a short connection of its own, so the fetcher's IDLE is left alone.
 * Throws (with an admin-readable message) when the server cannot be asked.
 */
export async function findMessageIdInMailbox(server: ImapMailbox, messageId: string): Promise<boolean> {
  const wanted = bareMessageId(messageId);
  if (wanted === '') return false;
  const problem = missingCredentials(server);
  if (problem) throw new ImapProblem(problem);

  const client = new ImapFlow(imapClientOptions(server, { socketTimeout: TIMEOUT_MS }));
  client.on('error', () => undefined); // reported through the rejected command instead
  const deadline = setTimeout(() => client.close(), TIMEOUT_MS);
  try {
    await client.connect();
    const listed = await client.list();
    const sent = listed.find((mailbox) => mailbox.specialUse === '\\Sent')?.path;
    const paths = [...new Set([server.mailbox, 'INBOX', ...(sent ? [sent] : [])])];
    for (const path of paths) {
      if (await holdsMessageId(client, path, wanted)) return true;
    }
    return false;
  } catch (error) {
    throw new Error(describeImapError(error, server), { cause: error });
  } finally {
    clearTimeout(deadline);
    await closeImapClient(client);
  }
}

async function holdsMessageId(client: ImapFlow, path: string, wanted: string): Promise<boolean> {
  let lock;
  try {
    lock = await client.getMailboxLock(path, { readOnly: true });
  } catch (error) {
    if ((error as { mailboxMissing?: boolean }).mailboxMissing) return false;
    throw error;
  }
  try {
    // HEADER search is a substring match, so every hit is checked for the exact id.
    const uids = await client.search({ header: { 'message-id': wanted } }, { uid: true });
    // Refused is not "absent": the caller would send the mail a second time.
    if (!uids) throw new Error(`The server refused to search ${path}`);
    if (uids.length === 0) return false;
    const hits = await client.fetchAll(uids, { uid: true, headers: ['message-id'] }, { uid: true });
    return hits.some((message) => message.headers !== undefined && headerMessageIds(message.headers).includes(wanted));
  } finally {
    lock.release();
  }
}

/** Every Message-ID the header lines name; a malformed mail may carry more than one. */
function headerMessageIds(headers: Buffer): string[] {
  const unfolded = headers.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  return [...unfolded.matchAll(/^message-id:[ \t]*(.*)$/gim)].map((match) => bareMessageId(match[1] ?? ''));
}
