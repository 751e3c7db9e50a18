/**
 * The Message-IDs Shiftdesk gives its outgoing mail. They carry the message's
 * own id, so a mail that comes back to the team mailbox (our Bcc copy, a loop
 * through a forwarding rule, a bounce quoting it) is recognised as ours, and
 * a resend after a crash carries the same id as the first attempt.
 *
 * A reply on a ticket with merged duplicates goes out as one mail per
 * requester, and each copy needs its own id (the Bcc copy and the in-doubt
 * check settle the copy they find, and nothing else): a copy continuing
 * another ticket's thread also names that ticket. The copy in the reply's own
 * ticket keeps the plain form, as every reply had before merges.
 */
const MARK = 'shiftdesk';
const OURS =
  /^shiftdesk\.(msg_[A-Za-z0-9_-]{1,80})(?:\.(tkt_[A-Za-z0-9_-]{1,80}))?\.(wsp_[A-Za-z0-9_-]{1,80})@[^@\s<>]+$/;

/**
 * `shiftdesk.msg_abc.wsp_team@acme.com`, or `shiftdesk.msg_abc.tkt_dup.wsp_team@acme.com`
 * for the copy in ticket tkt_dup's thread; without angle brackets (nodemailer adds them).
 */
export function outboundMessageId(
  messageId: string,
  workspaceId: string,
  fromEmail: string,
  copyTicketId?: string,
): string {
  const domain = fromEmail.slice(fromEmail.lastIndexOf('@') + 1) || 'shiftdesk.invalid';
  const copy = copyTicketId === undefined ? '' : `.${copyTicketId}`;
  return `${MARK}.${messageId}${copy}.${workspaceId}@${domain}`;
}

/** Strips the angle brackets and surrounding space a header value may carry. */
export function bareMessageId(value: string): string {
  return value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/** Which copy of which reply a Message-ID of ours names. */
export interface OurMessageId {
  messageId: string;
  workspaceId: string;
  /** The ticket whose thread the copy went to, when not the reply's own. */
  ticketId?: string;
}

/** The message, copy and workspace a Message-ID of ours names, or null for anyone else's. */
export function ourMessageId(value: string): OurMessageId | null {
  const match = OURS.exec(bareMessageId(value));
  if (!match?.[1] || !match[3]) return null;
  const ours: OurMessageId = { messageId: match[1], workspaceId: match[3] };
  return match[2] ? { ...ours, ticketId: match[2] } : ours;
}
