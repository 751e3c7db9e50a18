import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { ourMessageId } from '../message-ids.ts';
import { composeReply, replyFromName, type ReplyInput } from './compose-reply.ts';

const input = (overrides: Partial<ReplyInput> = {}): ReplyInput => ({
  workspaceId: 'wsp_acme',
  messageId: 'msg_reply1',
  ticketNumber: 42,
  ticketSubject: 'Printer on fire',
  to: { email: 'dana@customer.test', name: 'Dana Díaz' },
  from: { email: 'support@acme.test', name: 'Acme Support' },
  body: 'Hi Dana,\n\nPlease **unplug** it.',
  agentName: 'Sam',
  inReplyTo: 'c2@customer.test',
  references: ['c1@customer.test'],
  bccSelf: true,
  ...overrides,
});

/** The mail as nodemailer writes it onto the wire, without sending it anywhere. */
async function wire(reply: ReplyInput): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(composeReply(reply).message);
  if (!Buffer.isBuffer(info.message)) throw new Error('the stream transport was asked for a buffer');
  return info.message.toString('utf8');
}

function headerBlock(raw: string): string {
  return raw.slice(0, raw.indexOf('\r\n\r\n'));
}

describe('composeReply', () => {
  it('threads, tags and identifies the mail', async () => {
    const composed = composeReply(input());
    expect(composed.messageId).toBe('shiftdesk.msg_reply1.wsp_acme@acme.test');
    expect(ourMessageId(composed.messageId)).toEqual({ messageId: 'msg_reply1', workspaceId: 'wsp_acme' });
    const mail = await simpleParser(await wire(input()));
    expect(mail.subject).toBe('Re: Printer on fire [#42]');
    expect(mail.messageId).toBe('<shiftdesk.msg_reply1.wsp_acme@acme.test>');
    expect(mail.inReplyTo).toBe('<c2@customer.test>');
    expect(mail.references).toEqual(['<c1@customer.test>', '<c2@customer.test>']);
    expect(mail.headers.get('x-shiftdesk-ticket')).toBe('42');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('OOF, AutoReply');
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.headers.has('x-mailer')).toBe(false);
    expect(mail.from?.value).toEqual([{ address: 'support@acme.test', name: 'Sam via Acme Support' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : null).toEqual([
      { address: 'dana@customer.test', name: 'Dana Díaz' },
    ]);
  });

  it('carries the Markdown as text with the footer, and the rendered HTML', async () => {
    const mail = await simpleParser(await wire(input()));
    expect(mail.text).toContain('Please **unplug** it.');
    expect(mail.text).toContain('Ticket #42 — reply to this email to add to it.');
    expect(mail.html).toContain('<strong>unplug</strong>');
    expect(mail.html).toContain('<meta charset="utf-8">');
  });

  it('Bccs the team only in the envelope, never in a header', async () => {
    const composed = composeReply(input());
    expect(composed.envelope).toEqual({ from: 'support@acme.test', to: ['dana@customer.test', 'support@acme.test'] });
    expect(headerBlock(await wire(input()))).not.toMatch(/^bcc:/im);
    expect(composeReply(input({ bccSelf: false })).envelope.to).toEqual(['dana@customer.test']);
    const toTeam = composeReply(input({ to: { email: 'Support@acme.test' } }));
    expect(toTeam.envelope.to).toEqual(['Support@acme.test']);
  });

  it('keeps line breaks in names and subjects from becoming headers', async () => {
    const raw = await wire(
      input({
        ticketSubject: 'Hi\r\nBcc: victim@example.com',
        to: { email: 'dana@customer.test', name: 'Dana\r\nBcc: victim@example.com' },
        agentName: 'Sam\nX-Evil: 1',
      }),
    );
    const headers = headerBlock(raw);
    expect(headers).not.toMatch(/^bcc:/im);
    expect(headers).not.toMatch(/^x-evil:/im);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Re: Hi Bcc: victim@example.com [#42]');
  });

  it('refuses a customer address that is not one plain address', () => {
    for (const email of [
      'dana@customer.test\r\nBcc: victim@example.com',
      'dana@customer.test\n',
      'not an address',
      'dana@customer',
      'dana@@customer.test',
      '"Dana" <dana@customer.test>',
      'dana@customer.test, victim@example.com',
      '',
    ]) {
      expect(() => composeReply(input({ to: { email } })), email).toThrow(/customer's address/);
    }
    expect(() => composeReply(input({ to: { email: 'dana@customer.test\r\n' } }))).toThrow(/line break/);
  });

  it('refuses a bad team address and ids it could not read back', () => {
    expect(() => composeReply(input({ from: { email: 'support', name: 'Acme' } }))).toThrow(/team address/);
    expect(() => composeReply(input({ messageId: 'reply 1' }))).toThrow(/Message-ID/);
    expect(() => composeReply(input({ ticketNumber: 0 }))).toThrow(/ticket number/);
  });

  it('sends no In-Reply-To or References on a ticket that never had mail', async () => {
    const mail = await simpleParser(await wire(input({ inReplyTo: null, references: [] })));
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();
  });
});

describe('replyFromName', () => {
  it('names the agent and the team when both are known', () => {
    expect(replyFromName('Sam', 'Acme Support')).toBe('Sam via Acme Support');
    expect(replyFromName(null, 'Acme Support')).toBe('Acme Support');
    expect(replyFromName('Sam', '')).toBe('Sam');
    expect(replyFromName(null, '')).toBe('');
    expect(replyFromName('  ', 'Acme')).toBe('Acme');
  });
});
