import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_ROUTES } from '#shared/api/routes';
import { readRow } from '../sync/sync-rows.ts';
import { HOSTILE_MAILS, HOSTILE_TEXT_NEVER } from './inbound/hostile-corpus.ts';
import { ensureMailPeer, openPeerMailbox, peerAddress, readPeerInbox, sendWithSwaks } from '../testing/mail-peer.ts';
import { answeredMailTicket } from '../testing/mail-conversation.ts';
import { describeWithMailPeer } from '../testing/mail-peer-suite.ts';
import { startMailTestServer } from '../testing/mail-server.ts';
import { eventually } from '../testing/mail-waits.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import type { TestServer } from '../testing/test-server.ts';

const reason = await ensureMailPeer();
const RELAYABLE = HOSTILE_MAILS.filter((mail) => mail.smtpSafe);

describeWithMailPeer('a hostile-mail corpus through a real mail server', reason, () => {
  describeEachDatabase('hostile mail', (kind) => {
    const support = peerAddress('support', 'team.test');
    let server: TestServer;
    beforeAll(async () => {
      // Every corpus mail comes from one of a few senders: the hourly limit is not what is under test.
      server = await startMailTestServer(kind, support, { SHIFTDESK_MAIL_SENDER_LIMIT_PER_HOUR: '1000' });
    });
    afterAll(async () => server.close());

    it(`ingests the whole corpus (${RELAYABLE.length} relayed, the rest put in the mailbox): none lost, loops stopped, no markup kept`, async () => {
      // A real reply of ours, for the autoresponder and the bounces to refer to.
      const customer = peerAddress('corpus', 'customer.test');
      const {
        ticketId,
        messageId: replyId,
        reply: delivered,
      } = await answeredMailTicket(server, support, customer, 'pending');
      const ourMessageId = delivered.messageId?.slice(1, -1) ?? '';
      expect(ourMessageId).toContain(replyId);
      const before = Date.now();

      for (const mail of RELAYABLE) {
        await sendWithSwaks({
          from: 'sender@customer.test',
          to: support,
          raw: mail.raw({ ourMessageId, to: support }),
        });
      }
      // What no relay carries (a 1 MB header line, NUL bytes) can still sit in a mailbox: put it there directly.
      const mailbox = await openPeerMailbox(support);
      let appended = 0;
      try {
        for (const mail of HOSTILE_MAILS.filter((entry) => !entry.smtpSafe)) {
          const stored = await mailbox.append('INBOX', mail.raw({ ourMessageId, to: support })).catch(() => false);
          if (stored) appended++;
        }
      } finally {
        await mailbox.logout();
      }
      const expected = RELAYABLE.length + appended;
      // Every mail has exactly one record (our Bcc copy aside): nothing lost, nothing twice.
      const records = await eventually(
        async () => {
          const rows = await server.db.query<{
            outcome: string;
            reason: string | null;
            subject: string;
            ticket_id: string | null;
          }>(
            `select outcome, reason, subject, ticket_id from mail_inbound where received_at >= $1 and outcome <> 'own'`,
            [before],
          );
          return rows.length >= expected ? rows : null;
        },
        'every corpus mail',
        120_000,
      );
      expect(records).toHaveLength(expected);
      console.log(`[${kind}] ${RELAYABLE.length} relayed, ${appended} appended over IMAP`);
      console.log(
        `[${kind}] outcomes: ${JSON.stringify(records.reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.outcome]: (counts[row.outcome] ?? 0) + 1 }), {}))}`,
      );
      const health = await server.app.inject({ method: 'GET', url: API_ROUTES.health });
      expect(health.statusCode).toBe(200);

      // Loops stopped: machine mail never reopened the waiting ticket, and nobody was answered automatically.
      expect((await readRow(server.db, 'wsp_demo', 'ticket', ticketId ?? ''))?.status).toBe('pending');
      const [outbox] = await server.db.query<{ count: string | number }>('select count(*) as count from mail_outbox');
      expect(Number(outbox?.count)).toBe(1);
      expect(await readPeerInbox('sender@customer.test')).toHaveLength(0);
      // The corpus bounces quote our reply but name other recipients (nobody@, gone@): they are held,
      // and the reply to this customer stays delivered. (A bounce for the customer: mail-loops.test.ts.)
      const reply = await readRow(server.db, 'wsp_demo', 'message', replyId);
      expect(reply?.delivery?.state).toBe('sent');
      expect(records.filter((record) => record.reason?.startsWith('a bounce for '))).toHaveLength(2);

      // No markup from any mail survives into what agents read.
      const bodies = await server.db.query<{ body: string }>(
        `select data->>'body' as body from sync_rows where entity in ('ticket', 'message') and not deleted`,
      );
      for (const { body } of bodies) {
        for (const never of HOSTILE_TEXT_NEVER) expect(body ?? '').not.toContain(never);
      }
    }, 240_000);
  });
});
