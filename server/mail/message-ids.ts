/**
 * The Message-IDs Shiftdesk gives its outgoing mail. They carry the message's
 * own id, so a mail that comes back to the team mailbox (our Bcc copy, a loop
 * through a forwarding rule, a bounce quoting it) is recognised as ours, and
 * a resend after a crash carries the same id as the first attempt.
 */
const MARK = 'shiftdesk';
const OURS = /^shiftdesk\.(msg_[A-Za-z0-9_-]{1,80})\.(wsp_[A-Za-z0-9_-]{1,80})@[^@\s<>]+$/;

/** `shiftdesk.msg_abc.wsp_team@acme.com`, without angle brackets (nodemailer adds them). */
export function outboundMessageId(messageId: string, workspaceId: string, fromEmail: string): string {
  const domain = fromEmail.slice(fromEmail.lastIndexOf('@') + 1) || 'shiftdesk.invalid';
  return `${MARK}.${messageId}.${workspaceId}@${domain}`;
}

/** Strips the angle brackets and surrounding space a header value may carry. */
export function bareMessageId(value: string): string {
  return value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/** The message and workspace a Message-ID of ours names, or null for anyone else's. */
export function ourMessageId(value: string): { messageId: string; workspaceId: string } | null {
  const match = OURS.exec(bareMessageId(value));
  return match?.[1] && match[2] ? { messageId: match[1], workspaceId: match[2] } : null;
}
