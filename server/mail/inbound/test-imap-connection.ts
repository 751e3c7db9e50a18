import { ImapFlow } from 'imapflow';
import { closeImapClient, type ImapMailbox, imapClientOptions, missingCredentials } from './imap-connection.ts';
import { describeImapError } from './imap-errors.ts';
import { formatInterval } from './imap-wakeup.ts';

export interface ImapConnectionTest {
  ok: boolean;
  /** What happened, or why it failed and which setting to check; never the password. */
  detail: string;
}

/**
 * Tries the IMAP settings the way the fetcher will use them: connect, sign in,
 * open the mailbox read-only. For the admin screen's "Test" button.
 */
export async function testImapConnection(
  server: ImapMailbox,
  options: { timeoutMs?: number } = {},
): Promise<ImapConnectionTest> {
  const problem = missingCredentials(server);
  if (problem) return { ok: false, detail: problem };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const where = `${server.host}:${server.port}`;
  const client = new ImapFlow(
    imapClientOptions(server, {
      connectionTimeout: timeoutMs,
      // Shorter than the whole budget, so a server that never greets gets its own, more useful, answer.
      greetingTimeout: Math.floor(timeoutMs * 0.8),
      socketTimeout: timeoutMs,
    }),
  );
  client.on('error', () => undefined); // reported through the rejected command instead
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    client.close();
  }, timeoutMs);
  try {
    await client.connect();
    const mailbox = await client.mailboxOpen(server.mailbox, { readOnly: true });
    const count = `${mailbox.exists.toLocaleString('en-US')} message${mailbox.exists === 1 ? '' : 's'}`;
    const idle = client.capabilities.has('IDLE')
      ? 'IDLE supported.'
      : 'IDLE is not supported, so new mail is noticed at each check rather than at once.';
    return { ok: true, detail: `Signed in to ${where}; ${mailbox.path} holds ${count}; ${idle}` };
  } catch (error) {
    const detail = timedOut
      ? `${where} did not answer within ${formatInterval(timeoutMs)}: check the host, the port, the security setting and any firewall in between.`
      : describeImapError(error, server);
    return { ok: false, detail };
  } finally {
    clearTimeout(deadline);
    await closeImapClient(client);
  }
}
