import { sendWithSwaks } from './mail-peer.ts';

export interface BounceReport {
  /** The team mailbox the bounce goes to. */
  support: string;
  /** The address that could not be reached. */
  recipient: string;
  /** The bounced mail's Message-ID, with or without angle brackets. */
  originalMessageId: string;
  /** This report's own Message-ID (bare), to find its mail_inbound record. */
  reportId: string;
  diagnostic?: string;
}

/** A delivery status report (RFC 3464), as a customer's mail server sends back a mail it could not deliver. */
export async function sendBounce(report: BounceReport): Promise<void> {
  const boundary = 'bounce-boundary';
  const original = `<${report.originalMessageId.replace(/^<|>$/g, '')}>`;
  await sendWithSwaks({
    from: '',
    to: report.support,
    raw: [
      'From: Mail Delivery System <MAILER-DAEMON@peer.test>',
      `To: ${report.support}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <${report.reportId}>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; peer.test',
      '',
      `Final-Recipient: rfc822; ${report.recipient}`,
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; ${report.diagnostic ?? '550 5.1.1 user unknown'}`,
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${original}`,
      `To: ${report.recipient}`,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  });
}
