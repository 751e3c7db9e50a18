import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySmtpError } from './classify-smtp-error.ts';
import { composeReply, type ReplyInput } from './compose-reply.ts';
import { createSmtpTransport, sendComposed, type SmtpServerSettings } from './smtp-transport.ts';
import {
  startStrictSmtpServer,
  STRICT_PASSWORD,
  STRICT_SIZE,
  STRICT_USER,
  type StrictSmtpServer,
} from './testing-smtp-server.ts';

const reply = (to: string, body = 'Thanks, fixed.'): ReplyInput => ({
  workspaceId: 'wsp_acme',
  messageId: 'msg_classify',
  ticketNumber: 9,
  ticketSubject: 'Help',
  to: { email: to },
  from: { email: 'support@acme.test', name: 'Acme Support' },
  body,
  agentName: null,
  inReplyTo: null,
  references: [],
  bccSelf: false,
});

/** Sends for real and returns what the failure was classified as. */
async function failureOf(server: SmtpServerSettings, to = 'dana@customer.test', body?: string) {
  const transport = createSmtpTransport(server, { connectionTimeoutMs: 3_000 });
  try {
    await sendComposed(transport, composeReply(reply(to, body)));
  } catch (error) {
    return classifySmtpError(error, [server.password]);
  } finally {
    transport.close();
  }
  throw new Error('the send did not fail');
}

describe('classifySmtpError on real failures', () => {
  let strict: StrictSmtpServer;
  let signedIn: SmtpServerSettings;
  beforeAll(async () => {
    strict = await startStrictSmtpServer();
    signedIn = { host: '127.0.0.1', port: strict.port, security: 'none', user: STRICT_USER, password: STRICT_PASSWORD };
  });
  afterAll(() => strict.close());

  it('retries when nothing listens on the port', async () => {
    const failure = await failureOf({ host: '127.0.0.1', port: 9, security: 'none', user: '', password: null });
    expect(failure).toEqual({
      kind: 'transient',
      reason: 'The mail server refused the connection: check the host and port in Admin → Email.',
    });
  });

  it('retries when the security setting does not match the port', async () => {
    const failure = await failureOf({ ...signedIn, security: 'tls' });
    expect(failure.kind).toBe('transient');
    expect(failure.reason).toMatch(/^The secure connection to the mail server failed \(ERR_SSL_/);
    expect(failure.reason).toContain('check the security setting in Admin → Email');
  });

  it('fails for good when the server refuses the customer (550)', async () => {
    expect(await failureOf(signedIn, 'unknown-dana@customer.test')).toEqual({
      kind: 'permanent',
      reason: "The customer's address was refused: 550 5.1.1 No such user here",
    });
  });

  it('retries when the server defers the customer (450)', async () => {
    expect(await failureOf(signedIn, 'later-dana@customer.test')).toEqual({
      kind: 'transient',
      reason: 'The mail server asked to try again later: 450 4.2.1 Mailbox busy, try again later',
    });
  });

  it('fails for good when the message is too large (552)', async () => {
    const failure = await failureOf(signedIn, 'dana@customer.test', 'x'.repeat(STRICT_SIZE * 2));
    expect(failure).toEqual({
      kind: 'permanent',
      reason: 'The message is too large for the mail server: 552 5.3.4 Message size exceeds fixed limit',
    });
  });

  it('retries a refused sign-in, asks the admin to fix it, and never shows the password', async () => {
    const wrong = 'wrong-secret-1234';
    const failure = await failureOf({ ...signedIn, password: wrong });
    expect(failure.kind).toBe('transient');
    expect(failure.reason).toMatch(
      /^The SMTP server refused the sign-in: check the user and password in Admin → Email\. The server said: 535/,
    );
    expect(failure.reason).not.toContain(wrong);
    expect(failure.reason).not.toContain(STRICT_PASSWORD);
  });

  it('treats a server that wants a sign-in we do not make as a setting to fix (530)', async () => {
    const failure = await failureOf({ ...signedIn, user: '', password: null });
    expect(failure.kind).toBe('transient');
    expect(failure.reason).toContain('check the user and password in Admin → Email');
  });
});

describe('classifySmtpError on the other shapes nodemailer reports', () => {
  const shaped = (fields: Record<string, unknown>): Error => Object.assign(new Error('failed'), fields);

  it('retries 4xx and 503, fails 5xx', () => {
    expect(
      classifySmtpError(shaped({ responseCode: 421, response: '421 4.3.2 Shutting down', command: 'DATA' })),
    ).toEqual({ kind: 'transient', reason: 'The mail server asked to try again later: 421 4.3.2 Shutting down' });
    expect(classifySmtpError(shaped({ responseCode: 503, response: '503 5.5.1 Bad sequence' })).kind).toBe('transient');
    expect(classifySmtpError(shaped({ code: 'EMESSAGE', responseCode: 554, response: '554 5.7.1 Spam' }))).toEqual({
      kind: 'permanent',
      reason: 'The mail server refused the message: 554 5.7.1 Spam',
    });
    expect(
      classifySmtpError(
        shaped({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 unknown', rejected: ['a@b.test'] }),
      ),
    ).toEqual({ kind: 'permanent', reason: "The customer's address was refused: 550 5.1.1 unknown" });
  });

  it('retries a refused sender address, pointing at the setting', () => {
    const failure = classifySmtpError(
      shaped({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553, response: '553 5.7.1 Sender not owned' }),
    );
    expect(failure.kind).toBe('transient');
    expect(failure.reason).toContain("refused the team's from address: check it in Admin → Email");
  });

  it('fails a message over the size the server announced', () => {
    const failure = classifySmtpError(
      shaped({ code: 'EMESSAGE', command: 'MAIL FROM', message: 'Message size larger than allowed 36700160' }),
    );
    expect(failure.kind).toBe('permanent');
    expect(failure.reason).toMatch(/^The message is too large/);
  });

  it('retries timeouts, DNS failures, broken connections and anything unknown', () => {
    expect(classifySmtpError(shaped({ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }))).toEqual({
      kind: 'transient',
      reason: 'The mail server did not answer in time.',
    });
    expect(classifySmtpError(shaped({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.acme.test' })).reason).toBe(
      "The mail server's name could not be found (getaddrinfo ENOTFOUND smtp.acme.test): check the host in Admin → Email.",
    );
    expect(classifySmtpError(shaped({ code: 'ESOCKET', originalCode: 'ECONNRESET' })).reason).toBe(
      'The connection to the mail server broke off.',
    );
    expect(classifySmtpError('boom')).toEqual({ kind: 'transient', reason: 'Could not talk to the mail server: boom' });
    expect(classifySmtpError(null).kind).toBe('transient');
  });

  it('cuts the password out of what a server echoes, and stays within 500 characters', () => {
    const failure = classifySmtpError(
      shaped({ code: 'EAUTH', responseCode: 535, response: `535 bad password hunter22 ${'x'.repeat(900)}` }),
      ['hunter22'],
    );
    expect(failure.reason).not.toContain('hunter22');
    expect(failure.reason.length).toBeLessThanOrEqual(500);
  });
});
