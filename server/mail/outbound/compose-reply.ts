import type { SendMailOptions } from 'nodemailer';
import { ourMessageId, outboundMessageId } from '../message-ids.ts';
import { checkedAddress, headerText, truncate } from './header-text.ts';
import { replyHtml } from './render-reply-html.ts';
import { replySubject } from './reply-subject.ts';
import { replyThreading } from './reply-threading.ts';

export interface ReplyInput {
  workspaceId: string;
  /** Our message (msg_…); it names the mail's Message-ID, so a resend carries the same one. */
  messageId: string;
  /** The Message-ID given to the reply when it was queued (bare); made from the ids when absent. */
  rfcMessageId?: string;
  ticketNumber: number;
  ticketSubject: string;
  to: { email: string; name?: string };
  /** The team address; also the envelope sender. */
  from: { email: string; name: string };
  /** Markdown written by the agent. */
  body: string;
  agentName: string | null;
  /** Bare Message-ID of the customer's newest mail on the ticket. */
  inReplyTo: string | null;
  /** Bare ids, oldest first. */
  references: string[];
  /** Bcc the team address: a copy in the team mailbox, which confirms a send whose outcome was in doubt. */
  bccSelf: boolean;
}

export interface ComposedMail {
  /** Bare (no angle brackets), as outboundMessageId makes it. */
  messageId: string;
  envelope: { from: string; to: string[] };
  /** Complete, envelope included: `transport.sendMail(message)` sends it. */
  message: SendMailOptions;
}

const NAME_MAX = 120;

export function replyFooter(ticketNumber: number): string {
  return `Ticket #${ticketNumber} — reply to this email to add to it.`;
}

/** "Dana via Acme Support" when both are known, else the team's name (or the agent's when the team has none). */
export function replyFromName(agentName: string | null, teamName: string): string {
  const agent = headerText(agentName ?? '');
  const team = headerText(teamName);
  return truncate(agent && team ? `${agent} via ${team}` : team || agent, NAME_MAX);
}

function mailbox(address: string, name: string): { name: string; address: string } | string {
  return name ? { name, address } : address;
}

/**
 * A reply as nodemailer sends it. Pure: the same input gives the same mail
 * (bar the Date header nodemailer stamps), so a retry is the same message
 * with the same Message-ID. Throws when an address is unusable.
 */
export function composeReply(input: ReplyInput): ComposedMail {
  if (!Number.isSafeInteger(input.ticketNumber) || input.ticketNumber < 1) {
    throw new Error(`The ticket number must be a positive whole number, not ${input.ticketNumber}`);
  }
  const to = checkedAddress(input.to.email, "customer's");
  const from = checkedAddress(input.from.email, 'team');
  // The id queued with the reply wins: every attempt carries the same one, even after the from address changed.
  const messageId = input.rfcMessageId ?? outboundMessageId(input.messageId, input.workspaceId, from);
  // The inbound side recognises our own mail (the Bcc copy, a loop) by this id; refuse ids it could not read back.
  if (ourMessageId(messageId) === null) {
    throw new Error(`Cannot make a Message-ID from message ${input.messageId} in workspace ${input.workspaceId}`);
  }
  const recipients = input.bccSelf && from.toLowerCase() !== to.toLowerCase() ? [to, from] : [to];
  const envelope = { from, to: recipients };
  const threading = replyThreading(input.inReplyTo, input.references);
  const footer = replyFooter(input.ticketNumber);
  return {
    messageId,
    envelope,
    message: {
      from: mailbox(from, replyFromName(input.agentName, input.from.name)),
      to: mailbox(to, truncate(headerText(input.to.name ?? ''), NAME_MAX)),
      subject: replySubject(input.ticketSubject, input.ticketNumber),
      messageId: `<${messageId}>`,
      ...(threading.inReplyTo === undefined ? {} : { inReplyTo: `<${threading.inReplyTo}>` }),
      ...(threading.references.length === 0 ? {} : { references: threading.references.map((id) => `<${id}>`) }),
      headers: {
        // No Auto-Submitted: a person wrote this, and autoresponders should treat it as such.
        'X-Shiftdesk-Ticket': String(input.ticketNumber),
        // Asks Exchange and Outlook not to send out-of-office or other automatic answers to it.
        'X-Auto-Response-Suppress': 'OOF, AutoReply',
      },
      text: `${input.body.trimEnd()}\n\n-- \n${footer}\n`,
      html: replyHtml(input.body, footer),
      envelope,
      xMailer: false,
      // Nothing in a reply names a file or a URL to fetch; make sure nothing ever can.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
  };
}
