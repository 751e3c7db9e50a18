import { z } from 'zod';
import { AttachmentId, EpochMs, MessageId, TicketId, UserId } from './ids.ts';

/**
 * `customer`: what the customer wrote (plain text, never Markdown or HTML).
 * `reply`: an agent's public answer (Markdown), which goes to the customer.
 * `note`: an internal note (Markdown), which never leaves the team.
 */
export const MESSAGE_KINDS = ['customer', 'reply', 'note'] as const;
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;

/** What agents write: a reply or a note. */
export const AgentMessageKind = z.enum(['reply', 'note']);
export type AgentMessageKind = z.infer<typeof AgentMessageKind>;

export const MESSAGE_BODY_MAX = 100_000;
export const MessageBody = z
  .string()
  .max(MESSAGE_BODY_MAX, `must be at most ${MESSAGE_BODY_MAX.toLocaleString('en')} characters`)
  .refine((body) => body.trim().length > 0, 'must not be empty');

/**
 * How far a public reply got on its way to the customer, once an email
 * channel exists (the server sets it). Absent: the server accepted the reply
 * and no channel has taken it yet. Whether it left this device at all is the
 * device's own knowledge (its outbox), not a field.
 */
export const MessageDelivery = z.object({
  state: z.enum(['queued', 'sent', 'failed']),
  at: EpochMs,
  /** Why it failed, in words an agent can act on. */
  reason: z.string().max(500).optional(),
});
export type MessageDelivery = z.infer<typeof MessageDelivery>;

/** Attachments a message may list; mail with more keeps the rest in the mailbox. */
export const MESSAGE_ATTACHMENTS_MAX = 50;

/**
 * A file that came with a customer's email. Only its description travels with
 * the message; the bytes are downloaded on request (never shown inline), and a
 * file over the size limit is listed but not stored: the original stays in the
 * team's mailbox.
 */
export const MessageAttachment = z.object({
  id: AttachmentId,
  /** Cleaned by the server: no path, no control or direction characters. */
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(255),
  size: z.number().int().min(0),
  stored: z.boolean(),
});
export type MessageAttachment = z.infer<typeof MessageAttachment>;

/** At most this many requesters get one reply: the canonical ticket's own and every merged one's. */
export const REPLY_RECIPIENTS_MAX = 1_001;

/**
 * Someone a public reply went to. Each gets their own copy in their own
 * thread (`ticketId`: the ticket they wrote, merged or canonical), so
 * customers of different companies never see each other's addresses.
 */
export const ReplyRecipient = z.object({
  email: z.email().max(320),
  name: z.string().min(1).max(200).optional(),
  ticketId: TicketId,
});
export type ReplyRecipient = z.infer<typeof ReplyRecipient>;

/** One entry of a ticket's conversation. The ticket's own body is its first customer message. */
export const Message = z.object({
  id: MessageId,
  ticketId: TicketId,
  kind: MessageKind,
  /** The agent who wrote it; null for the customer (who has no account). */
  authorId: UserId.nullable(),
  /** The customer's address and name, for customer messages. */
  fromEmail: z.email().max(320).optional(),
  fromName: z.string().min(1).max(200).optional(),
  body: MessageBody,
  createdAt: EpochMs,
  delivery: MessageDelivery.optional(),
  attachments: z.array(MessageAttachment).max(MESSAGE_ATTACHMENTS_MAX).optional(),
  /**
   * Why this customer message was written by a machine (an out-of-office
   * reply, a bulk mailer). Such a message is kept on its ticket but never
   * reopens it, so two autoresponders cannot keep a ticket busy.
   */
  automatic: z.string().min(1).max(200).optional(),
  /** Who a public reply was addressed to; absent on replies written before merges existed (the requester). */
  recipients: z.array(ReplyRecipient).max(REPLY_RECIPIENTS_MAX).optional(),
});
export type Message = z.infer<typeof Message>;
