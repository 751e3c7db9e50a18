import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * For tests only: a real SMTP server (nodemailer's smtp-server, on loopback)
 * that answers the way strict providers do, because the mail peer
 * (OpenSMTPD) accepts everything and offers no sign-in. It wants a sign-in
 * (535 for a wrong password, 530 without one), refuses `unknown-…` with 550
 * and defers `later-…` with 450, and refuses mail over 20 kB with 552.
 */
export const STRICT_USER = 'agent@acme.test';
export const STRICT_PASSWORD = 'correct-horse-battery';
export const STRICT_SIZE = 20_000;

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

export interface StrictSmtpServer {
  port: number;
  close: () => Promise<void>;
}

export async function startStrictSmtpServer(): Promise<StrictSmtpServer> {
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    size: STRICT_SIZE,
    onAuth(auth, _session, callback) {
      if (auth.username === STRICT_USER && auth.password === STRICT_PASSWORD) callback(null, { user: auth.username });
      else callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('unknown-')) callback(smtpError(550, '5.1.1 No such user here'));
      else if (address.address.startsWith('later-')) callback(smtpError(450, '4.2.1 Mailbox busy, try again later'));
      else callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        const tooBig = (stream as typeof stream & { sizeExceeded?: boolean }).sizeExceeded === true;
        callback(tooBig ? smtpError(552, '5.3.4 Message size exceeds fixed limit') : null);
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((done) => server.close(done)) };
}
