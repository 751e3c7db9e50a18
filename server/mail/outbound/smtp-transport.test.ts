import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMailPeer, MAIL_PEER, peerAddress, waitForPeerInbox } from '../../testing/mail-peer.ts';
import { composeReply, type ReplyInput } from './compose-reply.ts';
import { createSmtpTransport, sendComposed, smtpTransportOptions, type SmtpTransport } from './smtp-transport.ts';
import { startStrictSmtpServer, STRICT_PASSWORD, STRICT_USER, type StrictSmtpServer } from './testing-smtp-server.ts';

const peerUnavailable = await ensureMailPeer();
const server = { host: 'smtp.acme.test', port: 587, user: 'agent@acme.test', password: 'pw' };

describe('smtpTransportOptions', () => {
  it('maps each security setting to nodemailer and never downgrades STARTTLS', () => {
    expect(smtpTransportOptions({ ...server, port: 465, security: 'tls' })).toMatchObject({ secure: true });
    const starttls = smtpTransportOptions({ ...server, security: 'starttls' });
    expect(starttls).toMatchObject({ secure: false, requireTLS: true });
    expect(starttls.ignoreTLS).toBeUndefined();
    expect(smtpTransportOptions({ ...server, security: 'none' })).toMatchObject({ secure: false, ignoreTLS: true });
  });

  it('pools two connections, stays quiet and times out sanely', () => {
    expect(smtpTransportOptions({ ...server, security: 'starttls' })).toMatchObject({
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
      logger: false,
      debug: false,
    });
    expect(smtpTransportOptions({ ...server, security: 'tls' }, { connectionTimeoutMs: 500 })).toMatchObject({
      connectionTimeout: 500,
      greetingTimeout: 500,
    });
  });

  it('signs in only when a user is set, and then insists on it', () => {
    expect(smtpTransportOptions({ ...server, security: 'tls' })).toMatchObject({
      auth: { user: 'agent@acme.test', pass: 'pw' },
      forceAuth: true,
    });
    const anonymous = smtpTransportOptions({ ...server, user: ' ', password: null, security: 'none' });
    expect(anonymous.auth).toBeUndefined();
    expect(anonymous.forceAuth).toBeUndefined();
  });
});

function reply(team: string, customer: string, overrides: Partial<ReplyInput> = {}): ReplyInput {
  return {
    workspaceId: 'wsp_peer',
    messageId: `msg_${Math.random().toString(36).slice(2, 10)}`,
    ticketNumber: 7,
    ticketSubject: 'Re: Cannot log in',
    to: { email: customer, name: 'Dana' },
    from: { email: team, name: 'Acme Support' },
    body: 'Try this:\n\n1. Reset\n2. <script>alert(1)</script>\n\nOr [click here](javascript:alert(2)).',
    agentName: 'Sam',
    inReplyTo: '<c2@customer.test>',
    references: ['c1@customer.test'],
    bccSelf: true,
    ...overrides,
  };
}

describe.skipIf(peerUnavailable)(
  `sending a reply through the mail peer${peerUnavailable ? ` (skipped: ${peerUnavailable})` : ''}`,
  () => {
    let transport: SmtpTransport;
    beforeAll(() => {
      transport = createSmtpTransport({
        host: MAIL_PEER.host,
        port: MAIL_PEER.smtpPort,
        security: 'none',
        user: '',
        password: null,
      });
    });
    afterAll(() => transport.close());

    it('delivers it to the customer, threaded, with both parts, and a copy to the team', async () => {
      const team = peerAddress('team', 'acme.test');
      const customer = peerAddress('dana');
      const composed = composeReply(reply(team, customer));
      const sent = await sendComposed(transport, composed);
      expect(sent.accepted).toEqual([customer, team]);
      expect(sent.rejected).toEqual([]);
      expect(sent.response).toMatch(/^250 /);
      expect(sent.serverMessageId).toBeNull();

      const [mail] = await waitForPeerInbox(customer, 1);
      expect(mail?.subject).toBe('Re: Cannot log in [#7]');
      expect(mail?.messageId).toBe(`<${composed.messageId}>`);
      expect(mail?.inReplyTo).toBe('<c2@customer.test>');
      expect(mail?.references).toEqual(['<c1@customer.test>', '<c2@customer.test>']);
      expect(mail?.headers.get('x-shiftdesk-ticket')).toBe('7');
      expect(mail?.headers.has('auto-submitted')).toBe(false);
      expect(mail?.headers.has('bcc')).toBe(false);
      expect(mail?.text).toContain('2. <script>alert(1)</script>');
      expect(mail?.text).toContain('Ticket #7 — reply to this email to add to it.');
      expect(mail?.html).toContain('<ol>');
      expect(mail?.html).not.toMatch(/<script/i);
      expect(mail?.html).toContain('<a href="">click here</a>');
      expect(mail?.html).not.toMatch(/href="javascript:/i);

      const [copy] = await waitForPeerInbox(team, 1);
      expect(copy?.messageId).toBe(`<${composed.messageId}>`);
    });

    it('sends no team copy without bccSelf', async () => {
      const team = peerAddress('team', 'acme.test');
      const customer = peerAddress('dana');
      await sendComposed(transport, composeReply(reply(team, customer, { bccSelf: false })));
      expect(await waitForPeerInbox(customer, 1)).toHaveLength(1);
      expect(await waitForPeerInbox(team, 1, 1_500)).toHaveLength(0);
    });
  },
);

describe('sending to a server that refuses the customer', () => {
  let strict: StrictSmtpServer;
  let transport: SmtpTransport;
  beforeAll(async () => {
    strict = await startStrictSmtpServer();
    transport = createSmtpTransport({
      host: '127.0.0.1',
      port: strict.port,
      security: 'none',
      user: STRICT_USER,
      password: STRICT_PASSWORD,
    });
  });
  afterAll(async () => {
    transport.close();
    await strict.close();
  });

  it("fails the send when the customer is refused, even though the team's copy was taken", async () => {
    const composed = composeReply(reply('team@acme.test', 'unknown-dana@customer.test'));
    await expect(sendComposed(transport, composed)).rejects.toMatchObject({
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
    });
  });

  it('reports a refused team copy without failing the send', async () => {
    const sent = await sendComposed(
      transport,
      composeReply(reply('unknown-team@acme.test', 'dana@customer.test', { ticketNumber: 8 })),
    );
    expect(sent.accepted).toEqual(['dana@customer.test']);
    expect(sent.rejected).toEqual(['unknown-team@acme.test']);
  });
});
