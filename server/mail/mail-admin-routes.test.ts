import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '#shared/api/routes';
import { MailSettings, MailStatus, TestMailConnectionResponse } from '#shared/api/mail';
import { apiAs } from '../testing/api-calls.ts';
import { MAIL_PEER, ensureMailPeer, peerAddress } from '../testing/mail-peer.ts';
import { describeWithMailPeer } from '../testing/mail-peer-suite.ts';
import { startMailTestServer } from '../testing/mail-server.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';

const reason = await ensureMailPeer();
/** The peer's password: a real one, so the saved settings must connect with it. */
const SECRET = MAIL_PEER.password;

/** The admin form for the peer: IMAP with a password, an SMTP relay that takes no sign-in, no TLS (loopback). */
function peerSettings(support: string, password?: string) {
  return {
    inbound: {
      enabled: true,
      imap: {
        host: MAIL_PEER.host,
        port: MAIL_PEER.imapPort,
        security: 'none' as const,
        user: support,
        mailbox: 'INBOX',
        ...(password ? { password } : {}),
      },
      pollSeconds: 30,
    },
    outbound: {
      enabled: true,
      smtp: { host: MAIL_PEER.host, port: MAIL_PEER.smtpPort, security: 'none' as const, user: '' },
      from: { email: support, name: 'Demo Support' },
    },
  };
}

describeEachDatabase('email settings without email configured', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 2 });
  });
  afterAll(async () => server.close());

  it('says email is off, to agents and admins, and a reply is stored with no delivery', async () => {
    const agent = apiAs(server.app, (await loginAs(server.app, 'agent')).token);
    expect(MailStatus.parse((await agent('GET', API_ROUTES.mailStatus)).json())).toEqual({
      outbound: false,
      inbound: false,
    });
    const admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
    const settings = MailSettings.parse((await admin('GET', API_ROUTES.getMailSettings)).json());
    expect(settings).toMatchObject({
      source: 'none',
      status: { inbound: { state: 'off' }, outbound: { state: 'off' } },
    });
  });

  it('lets only admins read or change email settings', async () => {
    const lead = apiAs(server.app, (await loginAs(server.app, 'lead')).token);
    expect((await lead('GET', API_ROUTES.getMailSettings)).statusCode).toBe(403);
    expect(
      (
        await lead('POST', API_ROUTES.testMailConnection, {
          kind: 'smtp',
          server: { host: '127.0.0.1', port: 9, security: 'none', user: '' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses incomplete settings with a reason', async () => {
    const admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
    const response = await admin('PATCH', API_ROUTES.updateMailSettings, {
      inbound: { enabled: true, imap: null, pollSeconds: 60 },
      outbound: { enabled: false, smtp: null, from: null },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('IMAP');
  });
});

describeWithMailPeer('email settings against a real mail server', reason, () => {
  describeEachDatabase('email settings', (kind) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(kind, { tickets: 2 });
    });
    afterAll(async () => server.close());

    it('saves settings, never gives a password back, and connects', async () => {
      const support = peerAddress('support', 'team.test');
      const admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
      const saved = await admin('PATCH', API_ROUTES.updateMailSettings, peerSettings(support, SECRET));
      expect(saved.statusCode).toBe(200);
      expect(saved.body).not.toContain(SECRET);
      const view = MailSettings.parse(saved.json());
      expect(view.source).toBe('admin');
      expect(view.inbound.imap?.passwordSet).toBe(true);

      // Saving again without a password keeps it.
      const again = MailSettings.parse(
        (await admin('PATCH', API_ROUTES.updateMailSettings, peerSettings(support))).json(),
      );
      expect(again.inbound.imap?.passwordSet).toBe(true);
      expect(again.outbound.smtp?.passwordSet).toBe(false);
      const audit = await server.db.query<{ detail: unknown }>(
        `select detail from audit_log where action = 'mail.changed'`,
      );
      expect(audit.length).toBeGreaterThan(0);
      expect(JSON.stringify(audit)).not.toContain(SECRET);

      const inbound = async () =>
        MailSettings.parse((await admin('GET', API_ROUTES.getMailSettings)).json()).status.inbound.state === 'ok'
          ? true
          : null;
      for (let tries = 0; tries < 100 && !(await inbound()); tries++)
        await new Promise((done) => setTimeout(done, 100));
      expect(MailSettings.parse((await admin('GET', API_ROUTES.getMailSettings)).json()).status).toMatchObject({
        inbound: { state: 'ok' },
      });
      const agent = apiAs(server.app, (await loginAs(server.app, 'agent')).token);
      expect(MailStatus.parse((await agent('GET', API_ROUTES.mailStatus)).json())).toEqual({
        outbound: true,
        inbound: true,
      });
    });

    it('tests a connection before saving, with the saved password when none is typed', async () => {
      const support = peerAddress('support', 'team.test');
      const admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
      const form = peerSettings(support, SECRET);
      const imap = TestMailConnectionResponse.parse(
        (await admin('POST', API_ROUTES.testMailConnection, { kind: 'imap', server: form.inbound.imap })).json(),
      );
      expect(imap).toMatchObject({ ok: true });
      const smtp = TestMailConnectionResponse.parse(
        (await admin('POST', API_ROUTES.testMailConnection, { kind: 'smtp', server: form.outbound.smtp })).json(),
      );
      expect(smtp).toMatchObject({ ok: true });
      // Saved, then tried against another host without typing it: the saved password stays home.
      await admin('PATCH', API_ROUTES.updateMailSettings, form);
      const elsewhere = TestMailConnectionResponse.parse(
        (
          await admin('POST', API_ROUTES.testMailConnection, {
            kind: 'imap',
            server: { ...peerSettings(support).inbound.imap, host: 'localhost' },
          })
        ).json(),
      );
      expect(elsewhere.ok).toBe(false);
      const sameServer = TestMailConnectionResponse.parse(
        (
          await admin('POST', API_ROUTES.testMailConnection, {
            kind: 'imap',
            server: peerSettings(support).inbound.imap,
          })
        ).json(),
      );
      expect(sameServer.ok).toBe(true);
      const otherUser = await admin(
        'PATCH',
        API_ROUTES.updateMailSettings,
        peerSettings(peerAddress('other', 'team.test')),
      );
      expect(otherUser.statusCode).toBe(400);
      expect(otherUser.body).toContain('Enter the password');

      const closed = TestMailConnectionResponse.parse(
        (
          await admin('POST', API_ROUTES.testMailConnection, {
            kind: 'smtp',
            server: { ...form.outbound.smtp, port: 9 },
          })
        ).json(),
      );
      expect(closed.ok).toBe(false);
      expect(closed.detail).not.toContain(SECRET);
      expect(closed.detail.length).toBeGreaterThan(10);
    });
  });

  describe('settings from the environment', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startMailTestServer('pglite', peerAddress('support', 'team.test'));
    });
    afterAll(async () => server.close());

    it('shows them read-only and refuses changes in the app', async () => {
      const admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
      const view = await admin('GET', API_ROUTES.getMailSettings);
      expect(view.body).not.toContain(MAIL_PEER.password);
      expect(MailSettings.parse(view.json()).source).toBe('environment');
      const change = await admin('PATCH', API_ROUTES.updateMailSettings, peerSettings('x@team.test'));
      expect(change.statusCode).toBe(409);
      expect(change.body).toContain('environment');
    });
  });
});
