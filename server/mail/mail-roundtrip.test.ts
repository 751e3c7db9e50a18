import { afterAll, beforeAll, expect, it } from 'vitest';
import { readRow } from '../sync/sync-rows.ts';
import { ourMessageId } from './message-ids.ts';
import {
  ensureMailPeer,
  peerAddress,
  sendWithSwaks,
  waitForPeerInbox,
} from '../testing/mail-peer.ts';
import { describeWithMailPeer } from '../testing/mail-peer-suite.ts';
import { startMailTestServer } from '../testing/mail-server.ts';
import { eventually, inboundRecord } from '../testing/mail-waits.ts';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs } from '../testing/test-server.ts';

const reason = await ensureMailPeer();

describeWithMailPeer('email in and out through a real mail server', reason, () => {
  describeEachDatabase('email round trip', (kind) => {
    const support = peerAddress('support', 'team.test');
    let server: TestServer;
    beforeAll(async () => {
      server = await startMailTestServer(kind, support);
    });
    afterAll(async () => server.close());

    it('turns a customer mail into a ticket, threads the reply, and reopens on the answer', async () => {
      const customer = peerAddress('jane', 'acme-corp.test');
      const original = `${peerAddress('orig', 'acme-corp.test')}`;
      await sendWithSwaks({
        from: `Jane Doe <${customer}>`,
        to: support,
        subject: 'Printer on fire',
        body: 'Help, it is burning.',
        headers: { 'Message-ID': `<${original}>` },
      });
      const created = await eventually(async () => {
        const record = await inboundRecord(server.db, original);
        return record?.outcome === 'created' ? record : null;
      }, 'the new ticket');
      const ticketId = created.ticket_id ?? '';
      const ticket = await readRow(server.db, 'wsp_demo', 'ticket', ticketId);
      expect(ticket).toMatchObject({ channel: 'email', requesterEmail: customer, subject: 'Printer on fire', status: 'new' });
      expect(ticket?.body).toContain('Help, it is burning.');

      // The agent replies and waits on the customer, through the sync protocol as the app does.
      const { token } = await loginAs(server.app, 'agent');
      const client = syncClient(server.app, token, { clientGroupId: `cg-mail-${kind}`, clientId: `c-mail-${kind}` });
      const replyId = `msg_reply_${kind}_${Date.now()}`;
      const pushed = await client.push([
        client.mutation('addMessage', { messageId: replyId, ticketId, kind: 'reply', body: '**Fixed** it. Try now.' }),
        client.mutation('setStatus', { ticketId, status: 'pending' }),
      ]);
      expect(pushed.status).toBe(200);
      expect((await readRow(server.db, 'wsp_demo', 'message', replyId))?.delivery?.state).toMatch(/queued|sent/);

      const [reply] = await waitForPeerInbox(customer, 1);
      expect(reply?.subject).toBe(`Re: Printer on fire [#${ticket?.number}]`);
      expect(reply?.inReplyTo).toBe(`<${original}>`);
      expect(String(reply?.references)).toContain(original);
      expect(ourMessageId(reply?.messageId ?? '')).toEqual({ messageId: replyId, workspaceId: 'wsp_demo' });
      expect(reply?.text).toContain('**Fixed** it. Try now.');
      expect(reply?.html).toContain('<strong>Fixed</strong>');
      await eventually(
        async () => ((await readRow(server.db, 'wsp_demo', 'message', replyId))?.delivery?.state === 'sent' ? true : null),
        'the reply marked sent',
      );
      // The Bcc copy came back to the team mailbox: recognised as ours, not a new ticket.
      const copy = await eventually(() => inboundRecord(server.db, reply?.messageId?.slice(1, -1) ?? ''), 'the Bcc copy');
      expect(copy.outcome).toBe('own');

      // The customer answers the reply from their mail client: same ticket, reopened.
      const answer = peerAddress('answer', 'acme-corp.test');
      await sendWithSwaks({
        from: customer,
        to: support,
        subject: `Re: Printer on fire [#${ticket?.number}]`,
        body: 'Still smoking a little.',
        headers: { 'Message-ID': `<${answer}>`, 'In-Reply-To': reply?.messageId ?? '', References: `<${original}> ${reply?.messageId}` },
      });
      const added = await eventually(() => inboundRecord(server.db, answer), 'the answer');
      expect(added).toMatchObject({ outcome: 'added', ticket_id: ticketId });
      const reopened = await readRow(server.db, 'wsp_demo', 'ticket', ticketId);
      expect(reopened?.status).toBe('open');
      const messages = await server.db.query<{ data: { kind: string; body: string } }>(
        `select data from sync_rows where workspace_id = 'wsp_demo' and entity = 'message' and data->>'ticketId' = $1 and not deleted`,
        [ticketId],
      );
      expect(messages.map((row) => row.data.kind).sort()).toEqual(['customer', 'reply']);
      expect(messages.find((row) => row.data.kind === 'customer')?.data.body).toContain('Still smoking a little.');
    });

    it('threads by the ticket number in the subject only for the requester', async () => {
      const customer = peerAddress('sam', 'globex.test');
      const first = peerAddress('first', 'globex.test');
      await sendWithSwaks({ from: customer, to: support, subject: 'VPN down', body: 'No VPN.', headers: { 'Message-ID': `<${first}>` } });
      const { ticket_id: ticketId } = await eventually(() => inboundRecord(server.db, first), 'the ticket');
      const number = (await readRow(server.db, 'wsp_demo', 'ticket', ticketId ?? ''))?.number;

      const colleague = peerAddress('colleague', 'globex.test');
      const fromColleague = peerAddress('c', 'globex.test');
      await sendWithSwaks({ from: colleague, to: support, subject: `About [#${number}]`, body: 'Same here.', headers: { 'Message-ID': `<${fromColleague}>` } });
      expect(await eventually(() => inboundRecord(server.db, fromColleague), 'the colleague')).toMatchObject({ outcome: 'added', ticket_id: ticketId });

      const stranger = peerAddress('mallory', 'evil.test');
      const fromStranger = peerAddress('s', 'evil.test');
      await sendWithSwaks({ from: stranger, to: support, subject: `About [#${number}]`, body: 'Let me in.', headers: { 'Message-ID': `<${fromStranger}>` } });
      const strangers = await eventually(() => inboundRecord(server.db, fromStranger), 'the stranger');
      expect(strangers.outcome).toBe('created');
      expect(strangers.ticket_id).not.toBe(ticketId);
    });
  });
});
