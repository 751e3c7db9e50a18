import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import type { TicketStatus } from '#shared/domain/ticket';
import { peerAddress, sendWithSwaks, waitForPeerInbox } from './mail-peer.ts';
import { eventually, inboundRecord } from './mail-waits.ts';
import { syncClient } from './sync-client.ts';
import { type TestServer, loginAs } from './test-server.ts';

export interface AnsweredMail {
  ticketId: string;
  /** Our reply's message id. */
  messageId: string;
  /** The reply as it reached the customer's mailbox. */
  reply: ParsedMail;
}

/**
 * A customer writes to the team mailbox; the agent answers through sync, as
 * the app does, and leaves the ticket in `status`; the reply is read back
 * from the customer's mailbox. Fails the test if any step does not happen.
 */
export async function answeredMailTicket(
  server: TestServer,
  support: string,
  customer: string,
  status: TicketStatus,
): Promise<AnsweredMail> {
  const first = peerAddress('first', customer.split('@')[1]);
  await sendWithSwaks({
    from: customer,
    to: support,
    subject: 'Cannot log in',
    body: 'Locked out.',
    headers: { 'Message-ID': `<${first}>` },
  });
  const { ticket_id: ticketId } = await eventually(() => inboundRecord(server.db, first), 'the ticket');
  if (!ticketId) throw new Error('the customer mail did not open a ticket');
  const { token } = await loginAs(server.app, 'agent');
  const unique = randomUUID().replaceAll('-', '');
  const client = syncClient(server.app, token, { clientGroupId: `cg${unique}`, clientId: `c${unique}` });
  const messageId = `msg_${unique}`;
  const pushed = await client.push([
    client.mutation('addMessage', { messageId, ticketId, kind: 'reply', body: 'We unlocked it.' }),
    client.mutation('setStatus', { ticketId, status }),
  ]);
  if (pushed.body.rejections.length > 0) throw new Error(`the reply was refused: ${JSON.stringify(pushed.body)}`);
  const [reply] = await waitForPeerInbox(customer, 1);
  if (!reply?.messageId) throw new Error('the reply never reached the customer');
  return { ticketId, messageId, reply };
}
