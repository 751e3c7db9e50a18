import type { AddressObject, ParsedMail } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readRow } from '../sync/sync-rows.ts';
import { sendBounce } from '../testing/mail-bounce.ts';
import { ensureMailPeer, peerAddress, readPeerInbox, sendWithSwaks, waitForPeerInbox } from '../testing/mail-peer.ts';
import { describeWithMailPeer } from '../testing/mail-peer-suite.ts';
import { startMailTestServer } from '../testing/mail-server.ts';
import { eventually, inboundRecord } from '../testing/mail-waits.ts';
import { type SyncClient, syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs } from '../testing/test-server.ts';
import { ourMessageId } from './message-ids.ts';

const reason = await ensureMailPeer();
const WS = 'wsp_demo';

interface Requester {
  email: string;
  subject: string;
  /** The Message-ID of their first mail (bare). */
  original: string;
  ticketId: string;
  number: number;
}

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) =>
    object.value.map((entry) => entry.address ?? ''),
  );
const referencesOf = (mail: ParsedMail): string[] =>
  Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [];
/** Every header line and both bodies: where another requester's address or mail could show. */
const wholeMail = (mail: ParsedMail): string =>
  [...mail.headerLines.map((header) => header.line), mail.text ?? '', String(mail.html)].join('\n');

describeWithMailPeer('email for merged tickets through a real mail server', reason, () => {
  describeEachDatabase('email for merged tickets', (kind) => {
    const support = peerAddress('support', 'team.test');
    let server: TestServer;
    let client: SyncClient;
    beforeAll(async () => {
      server = await startMailTestServer(kind, support);
      const { token } = await loginAs(server.app, 'agent');
      client = syncClient(server.app, token, { clientGroupId: `cg-merged-${kind}`, clientId: `c-merged-${kind}` });
    });
    afterAll(async () => server.close());

    const reply = async (ticketId: string, body: string): Promise<string> => {
      const messageId = `msg_merged_${kind}_${Date.now()}`;
      const pushed = await client.push([client.mutation('addMessage', { messageId, ticketId, kind: 'reply', body })]);
      expect(pushed.body.rejections).toEqual([]);
      return messageId;
    };
    const delivery = async (messageId: string) => (await readRow(server.db, WS, 'message', messageId))?.delivery;

    it('sends one reply to every merged requester, each alone and in their own thread, and files their answers on the canonical ticket', async () => {
      // A flood: three companies report the same fault.
      const requesters: Requester[] = [];
      for (const [label, domain, subject] of [
        ['ann', 'acme.test', 'Login broken'],
        ['bob', 'globex.test', 'Cannot sign in'],
        ['cy', 'initech.test', 'Sign-in page is blank'],
      ] as const) {
        const email = peerAddress(label, domain);
        const original = peerAddress(`orig-${label}`, domain);
        await sendWithSwaks({
          from: email,
          to: support,
          subject,
          body: 'It fails.',
          headers: { 'Message-ID': `<${original}>` },
        });
        const { ticket_id: ticketId } = await eventually(() => inboundRecord(server.db, original), `${label}'s ticket`);
        const ticket = await readRow(server.db, WS, 'ticket', ticketId ?? '');
        requesters.push({ email, subject, original, ticketId: ticketId ?? '', number: ticket?.number ?? 0 });
      }
      const [canonical, bob, cy] = requesters as [Requester, Requester, Requester];

      // The agent merges the duplicates and answers once, through sync, as the app does.
      const merged = await client.push([
        client.mutation('mergeTickets', { targetId: canonical.ticketId, sourceIds: [bob.ticketId, cy.ticketId] }),
      ]);
      expect(merged.body.rejections).toEqual([]);
      const replyId = await reply(canonical.ticketId, 'We found the fault; **sign in again** now.');
      expect((await readRow(server.db, WS, 'message', replyId))?.recipients?.map((r) => r.email)).toEqual(
        requesters.map((r) => r.email),
      );

      // Each requester gets exactly one mail: to them alone, in their own thread, naming nobody else.
      const mails: ParsedMail[] = [];
      for (const requester of requesters) {
        const inbox = await waitForPeerInbox(requester.email, 1);
        expect(inbox).toHaveLength(1);
        const [mail] = inbox as [ParsedMail];
        mails.push(mail);
        expect(addresses(mail.to)).toEqual([requester.email]);
        expect(mail.cc).toBeUndefined();
        expect(mail.subject).toBe(`Re: ${requester.subject} [#${requester.number}]`);
        expect(mail.inReplyTo).toBe(`<${requester.original}>`);
        expect(referencesOf(mail)).toContain(`<${requester.original}>`);
        expect(mail.text).toContain('sign in again');
        expect(ourMessageId(mail.messageId ?? '')).toMatchObject({ messageId: replyId, workspaceId: WS });
        for (const other of requesters.filter((r) => r !== requester)) {
          expect(wholeMail(mail)).not.toContain(other.email);
          expect(wholeMail(mail)).not.toContain(other.original);
          expect(wholeMail(mail)).not.toContain(`#${other.number}`);
        }
      }
      // Each copy its own Message-ID: the Bcc copies and in-doubt checks settle one copy each.
      expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(3);
      await eventually(async () => ((await delivery(replyId))?.state === 'sent' ? true : null), 'the reply sent');
      for (const mail of mails) {
        const own = await eventually(() => inboundRecord(server.db, mail.messageId?.slice(1, -1) ?? ''), 'a Bcc copy');
        expect(own.outcome).toBe('own');
      }
      // Nothing went out twice.
      await new Promise((done) => setTimeout(done, 1_000));
      for (const requester of requesters) expect(await readPeerInbox(requester.email)).toHaveLength(1);

      // Bob's mail server bounces his copy: the reply says who did not get it.
      const bounceId = peerAddress('dsn', 'peer.test');
      await sendBounce({
        support,
        recipient: bob.email,
        originalMessageId: mails[1]?.messageId ?? '',
        reportId: bounceId,
      });
      expect(await eventually(() => inboundRecord(server.db, bounceId), 'the bounce')).toMatchObject({
        outcome: 'bounce',
        ticket_id: canonical.ticketId,
      });
      expect(await delivery(replyId)).toMatchObject({
        state: 'failed',
        reason: expect.stringMatching(new RegExp(`^Not delivered to 1 of 3: ${bob.email} Bounced: .*550`)),
      });

      // Cy answers his copy; Bob writes again with only his ticket number: both land on the canonical ticket.
      const cyAnswer = peerAddress('answer-cy', 'initech.test');
      await sendWithSwaks({
        from: cy.email,
        to: support,
        subject: mails[2]?.subject ?? '',
        body: 'Works now, thanks.',
        headers: {
          'Message-ID': `<${cyAnswer}>`,
          'In-Reply-To': mails[2]?.messageId ?? '',
          References: `<${cy.original}> ${mails[2]?.messageId ?? ''}`,
        },
      });
      const bobAgain = peerAddress('again-bob', 'globex.test');
      await sendWithSwaks({
        from: bob.email,
        to: support,
        subject: `Still broken [#${bob.number}]`,
        body: 'Still cannot sign in.',
        headers: { 'Message-ID': `<${bobAgain}>` },
      });
      for (const id of [cyAnswer, bobAgain]) {
        expect(await eventually(() => inboundRecord(server.db, id), 'an answer')).toMatchObject({
          outcome: 'added',
          ticket_id: canonical.ticketId,
        });
      }
      const customerMessages = await server.db.query<{ ticket_id: string; from_email: string }>(
        `select data->>'ticketId' as ticket_id, data->>'fromEmail' as from_email from sync_rows
         where workspace_id = $1 and entity = 'message' and data->>'kind' = 'customer' and not deleted
           and data->>'fromEmail' in ($2, $3)`,
        [WS, bob.email, cy.email],
      );
      expect(customerMessages.map((row) => row.ticket_id)).toEqual([canonical.ticketId, canonical.ticketId]);
      for (const duplicate of [bob, cy]) {
        expect((await readRow(server.db, WS, 'ticket', duplicate.ticketId))?.status).toBe('closed');
      }

      // The next reply answers Cy's newest mail in Cy's thread, still naming nobody else.
      const secondId = await reply(canonical.ticketId, 'Glad it works.');
      const cyInbox = await waitForPeerInbox(cy.email, 2);
      expect(cyInbox).toHaveLength(2);
      const second = cyInbox[1] as ParsedMail;
      expect(second.inReplyTo).toBe(`<${cyAnswer}>`);
      expect(referencesOf(second)).toEqual(
        expect.arrayContaining([`<${cy.original}>`, mails[2]?.messageId, `<${cyAnswer}>`]),
      );
      expect(wholeMail(second)).not.toContain(bobAgain);
      expect(wholeMail(second)).not.toContain(bob.email);
      await eventually(
        async () => ((await delivery(secondId))?.state === 'sent' ? true : null),
        'the second reply sent',
      );
    }, 120_000);
  });
});
