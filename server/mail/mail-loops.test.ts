import { sendBounce } from '../testing/mail-bounce.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { readRow } from '../sync/sync-rows.ts';
import { apiAs } from '../testing/api-calls.ts';
import { ensureMailPeer, peerAddress, readPeerInbox, sendWithSwaks } from '../testing/mail-peer.ts';
import { answeredMailTicket } from '../testing/mail-conversation.ts';
import { describeWithMailPeer } from '../testing/mail-peer-suite.ts';
import { startMailTestServer } from '../testing/mail-server.ts';
import { eventually, inboundRecord } from '../testing/mail-waits.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs } from '../testing/test-server.ts';

const reason = await ensureMailPeer();
const SENDER_LIMIT = 4;

describeWithMailPeer('email loops, bounces, floods and attachments', reason, () => {
  describeEachDatabase('email loops and bounces', (kind) => {
    const support = peerAddress('support', 'team.test');
    let server: TestServer;
    beforeAll(async () => {
      server = await startMailTestServer(kind, support, {
        SHIFTDESK_MAIL_SENDER_LIMIT_PER_HOUR: String(SENDER_LIMIT),
        SHIFTDESK_MAIL_ATTACHMENT_MAX_MB: '0.1',
      });
    });
    afterAll(async () => server.close());

    const answeredTicket = (customer: string) => answeredMailTicket(server, support, customer, 'solved');

    it('an autoresponder answering our reply neither reopens the ticket nor gets an answer', async () => {
      const customer = peerAddress('ooo', 'loop.test');
      const { ticketId, reply } = await answeredTicket(customer);
      const autoIds: string[] = [];
      for (let index = 0; index < 3; index++) {
        const id = peerAddress(`auto${index}`, 'loop.test');
        autoIds.push(id);
        await sendWithSwaks({
          from: customer,
          to: support,
          subject: `Out of office: ${reply?.subject ?? ''}`,
          body: 'I am away until Monday.',
          headers: { 'Message-ID': `<${id}>`, 'In-Reply-To': reply?.messageId ?? '', 'Auto-Submitted': 'auto-replied' },
        });
      }
      for (const id of autoIds) {
        expect(await eventually(() => inboundRecord(server.db, id), 'the autoreply')).toMatchObject({
          outcome: 'added',
          ticket_id: ticketId,
          reason: expect.stringContaining('uto'),
        });
      }
      const ticket = await readRow(server.db, 'wsp_demo', 'ticket', ticketId);
      expect(ticket?.status).toBe('solved');
      // One mail went to the customer in all: our reply. Nothing answered the autoresponder.
      await new Promise((done) => setTimeout(done, 1_000));
      expect(await readPeerInbox(customer)).toHaveLength(1);

      // An autoresponder mail that answers nothing we know is held, not a ticket.
      const stray = peerAddress('stray', 'loop.test');
      await sendWithSwaks({
        from: peerAddress('bot', 'lists.test'),
        to: support,
        subject: 'Weekly digest',
        body: 'News.',
        headers: { 'Message-ID': `<${stray}>`, Precedence: 'bulk' },
      });
      expect(await eventually(() => inboundRecord(server.db, stray), 'the digest')).toMatchObject({
        outcome: 'held',
        ticket_id: null,
      });
    });

    it('a bounce marks the reply it bounces as not delivered, with the reason', async () => {
      const customer = peerAddress('gone', 'loop.test');
      const { messageId, reply } = await answeredTicket(customer);
      const bounce = peerAddress('dsn', 'peer.test');
      await sendBounce({ support, recipient: customer, originalMessageId: reply?.messageId ?? '', reportId: bounce });
      expect(await eventually(() => inboundRecord(server.db, bounce), 'the bounce')).toMatchObject({
        outcome: 'bounce',
      });
      const message = await readRow(server.db, 'wsp_demo', 'message', messageId);
      expect(message?.delivery?.state).toBe('failed');
      expect(message?.delivery?.reason).toMatch(/Bounced: .*550/);
    });

    it('holds a sender over the hourly limit, and keeps mail from the team address out', async () => {
      const flooder = peerAddress('flood', 'flood.test');
      const ids = Array.from({ length: SENDER_LIMIT + 2 }, (_, index) => peerAddress(`f${index}`, 'flood.test'));
      for (const [index, id] of ids.entries()) {
        await sendWithSwaks({
          from: flooder,
          to: support,
          subject: `Flood ${index}`,
          body: 'Again.',
          headers: { 'Message-ID': `<${id}>` },
        });
      }
      const outcomes = [];
      for (const id of ids)
        outcomes.push((await eventually(() => inboundRecord(server.db, id), 'a flood mail')).outcome);
      expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(SENDER_LIMIT);
      expect(outcomes.filter((outcome) => outcome === 'held')).toHaveLength(2);

      const own = peerAddress('own', 'team.test');
      await sendWithSwaks({
        from: support,
        to: support,
        subject: 'Forwarded back',
        body: 'Loop?',
        headers: { 'Message-ID': `<${own}>` },
      });
      expect(await eventually(() => inboundRecord(server.db, own), 'the own mail')).toMatchObject({ outcome: 'held' });
    });

    it('keeps attachments within the limit for download, lists bigger ones, and serves them only as downloads', async () => {
      const customer = peerAddress('files', 'files.test');
      const id = peerAddress('files', 'files.test');
      const small = Buffer.from('<html><script>alert(1)</script></html>');
      const big = Buffer.alloc(200 * 1024, 7);
      const boundary = 'files-boundary';
      await sendWithSwaks({
        from: customer,
        to: support,
        raw: [
          `From: ${customer}`,
          `To: ${support}`,
          'Subject: Logs attached',
          `Message-ID: <${id}>`,
          'MIME-Version: 1.0',
          `Content-Type: multipart/mixed; boundary="${boundary}"`,
          '',
          `--${boundary}`,
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Here are the logs.',
          `--${boundary}`,
          'Content-Type: text/html; name="page.html"',
          'Content-Disposition: attachment; filename="page.html"',
          'Content-Transfer-Encoding: base64',
          '',
          small.toString('base64'),
          `--${boundary}`,
          'Content-Type: application/octet-stream; name="dump.bin"',
          'Content-Disposition: attachment; filename="dump.bin"',
          'Content-Transfer-Encoding: base64',
          '',
          ...(big.toString('base64').match(/.{1,76}/g) ?? []),
          `--${boundary}--`,
          '',
        ].join('\r\n'),
      });
      const { ticket_id: ticketId } = await eventually(() => inboundRecord(server.db, id), 'the mail with files');
      const ticket = await readRow(server.db, 'wsp_demo', 'ticket', ticketId ?? '');
      const files = ticket?.attachments ?? [];
      expect(files.map((file) => [file.filename, file.stored])).toEqual([
        ['page.html', true],
        ['dump.bin', false],
      ]);
      const agent = apiAs(server.app, (await loginAs(server.app, 'agent')).token);
      const download = await agent('GET', routePath(API_ROUTES.downloadAttachment, { id: files[0]?.id ?? '' }));
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/octet-stream');
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename="page.html"/);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.rawPayload.equals(small)).toBe(true);
      const missing = await agent('GET', routePath(API_ROUTES.downloadAttachment, { id: files[1]?.id ?? '' }));
      expect(missing.statusCode).toBe(410);
      expect(missing.body).toContain('team mailbox');
    });
  });
});
