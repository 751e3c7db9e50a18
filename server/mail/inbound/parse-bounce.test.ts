import { describe, expect, it } from 'vitest';
import { type BounceEvidence, bounceOf } from './parse-bounce.ts';
import { parseInboundMail } from './parse-inbound-mail.ts';

const LIMITS = { attachmentMaxBytes: 1024 * 1024 };
const OURS = 'shiftdesk.msg_abc.wsp_team@shiftdesk.test';

function evidence(overrides: Partial<BounceEvidence> & { from?: string }): BounceEvidence {
  const { from = 'MAILER-DAEMON@mx.x.test', ...rest } = overrides;
  return {
    headers: new Map([['from', [from]]]),
    subject: 'Undelivered Mail Returned to Sender',
    text: '',
    reportParts: [],
    ...rest,
  };
}

function report(lines: string[]): { contentType: string; text: string } {
  return { contentType: 'message/delivery-status', text: lines.join('\r\n') };
}

/** A multipart/report mail with the given parts (each its headers, a blank line, its body). */
function reportMail(parts: string[], headers = 'From: MAILER-DAEMON@mx.x.test\r\nSubject: Returned mail'): Buffer {
  const body = parts.map((part) => `--r\r\n${part.replace(/\r?\n/g, '\r\n')}\r\n`).join('') + '--r--\r\n';
  return Buffer.from(
    `${headers}\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n${body}`,
  );
}

describe('bounceOf: standard delivery status notifications', () => {
  it('reads the failed recipient, the status and the diagnostic, folded lines included', () => {
    const bounce = bounceOf(
      evidence({
        reportParts: [
          report([
            'Reporting-MTA: dns; mx.x.test',
            '',
            'Final-Recipient: rfc822; <Jane@X.test>',
            'Action: failed',
            'Status: 5.1.1',
            'Diagnostic-Code: smtp; 550 5.1.1 user',
            '  unknown',
          ]),
        ],
      }),
    );
    expect(bounce).toEqual({
      originalMessageId: null,
      recipient: 'jane@x.test',
      reason: '550 5.1.1 user unknown (jane@x.test)',
    });
  });

  it('picks the recipient that failed among several, and falls back to the status', () => {
    const bounce = bounceOf(
      evidence({
        reportParts: [
          report([
            'Reporting-MTA: dns; mx.x.test',
            '',
            'Final-Recipient: rfc822; ok@x.test',
            'Action: delivered',
            'Status: 2.0.0',
            '',
            'Original-Recipient: rfc822; full@x.test',
            'Action: failed',
            'Status: 5.2.2',
          ]),
        ],
      }),
    );
    expect(bounce).toEqual({ originalMessageId: null, recipient: 'full@x.test', reason: 'Status 5.2.2 (full@x.test)' });
  });

  it('is no bounce when delivery is only delayed', () => {
    const delayed = report([
      'Reporting-MTA: dns; mx.x.test',
      '',
      'Final-Recipient: rfc822; a@x.test',
      'Action: delayed',
      'Status: 4.4.1',
    ]);
    expect(bounceOf(evidence({ reportParts: [delayed] }))).toBeNull();
  });

  it('finds the original Message-ID in a message/rfc822 or text/rfc822-headers part', () => {
    const status = report(['Final-Recipient: rfc822; a@x.test', 'Action: failed', 'Status: 5.0.0']);
    for (const contentType of ['message/rfc822', 'text/rfc822-headers']) {
      const original = { contentType, text: `From: us@x.test\r\nMessage-ID:\r\n <${OURS}>\r\nSubject: Hi\r\n\r\nBody` };
      expect(bounceOf(evidence({ reportParts: [status, original] }))?.originalMessageId).toBe(OURS);
    }
  });

  it('works through parseInboundMail, with the status and original parts listed as attachments', async () => {
    const mail = await parseInboundMail(
      reportMail([
        'Content-Type: text/plain\n\nYour mail could not be delivered.',
        'Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.x.test\n\nFinal-Recipient: rfc822; gone@x.test\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no such user',
        `Content-Type: text/rfc822-headers\n\nMessage-ID: <${OURS}>\nSubject: Re: Help [#12]`,
      ]),
      LIMITS,
    );
    expect(mail.bounce).toEqual({
      originalMessageId: OURS,
      recipient: 'gone@x.test',
      reason: '550 5.1.1 no such user (gone@x.test)',
    });
    expect(mail.automatic).toBe('Content-Type: multipart/report (delivery-status)');
    expect(mail.text).toBe('Your mail could not be delivered.');
    expect(mail.attachments.map((attachment) => attachment.contentType)).toEqual([
      'message/delivery-status',
      'text/rfc822-headers',
    ]);
  });
});

describe('bounceOf: bounces in plain words', () => {
  it('reads a Postfix-style text, the original headers quoted below it', () => {
    const text = [
      'This is the mail system at host mx.x.test.',
      '',
      '<jane@x.test>: host mx.x.test[10.0.0.1] said: 550 5.1.1 <jane@x.test>: Recipient',
      '    address rejected: User unknown (in reply to RCPT TO command)',
      '',
      '> Message-ID: <' + OURS + '>',
    ].join('\n');
    expect(bounceOf(evidence({ text }))).toEqual({
      originalMessageId: OURS,
      recipient: 'jane@x.test',
      reason: '550 5.1.1 <jane@x.test>: Recipient (jane@x.test)',
    });
  });

  it('reads a Gmail-style notification', () => {
    const bounce = bounceOf(
      evidence({
        from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
        subject: 'Delivery Status Notification (Failure)',
        text: "Your message wasn't delivered to nobody@x.test because the address couldn't be found.\n\nThe response was:\n\n550 5.1.1 The email account that you tried to reach does not exist.",
      }),
    );
    expect(bounce?.recipient).toBe('nobody@x.test');
    expect(bounce?.reason).toBe('550 5.1.1 The email account that you tried to reach does not exist. (nobody@x.test)');
    expect(bounce?.originalMessageId).toBeNull();
  });

  it('reads an Exchange non-delivery report from the postmaster', () => {
    const bounce = bounceOf(
      evidence({
        from: 'postmaster@corp.x.test',
        subject: 'Undeliverable: Re: Help [#12]',
        text: "Delivery has failed to these recipients or groups:\n\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'",
      }),
    );
    expect(bounce?.reason).toBe("550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'");
  });

  it('says so when it finds no reason', () => {
    const bounce = bounceOf(evidence({ subject: 'failure notice', text: 'Sorry.' }));
    expect(bounce).toEqual({
      originalMessageId: null,
      recipient: null,
      reason: 'The mail could not be delivered; the report gave no reason.',
    });
  });

  it('is no bounce from a person, nor a delay warning from the daemon', () => {
    expect(bounceOf(evidence({ from: 'Jane <jane@x.test>', text: '550 5.1.1 oops' }))).toBeNull();
    expect(bounceOf(evidence({ subject: 'Delivery Status Notification (Delay)', text: '450 4.2.0 later' }))).toBeNull();
    expect(bounceOf(evidence({ subject: 'Warning: message delayed', text: 'still trying' }))).toBeNull();
    expect(bounceOf(evidence({ subject: 'Your invoice', text: 'Hello' }))).toBeNull();
  });

  it('takes a null Return-Path as a mail server too', () => {
    const headers = new Map([
      ['from', ['Mail System <system@x.test>']],
      ['return-path', ['<>']],
    ]);
    const bounce = bounceOf({ headers, subject: 'Mail delivery failed', text: '550 no mailbox', reportParts: [] });
    expect(bounce?.reason).toBe('550 no mailbox');
  });
});
