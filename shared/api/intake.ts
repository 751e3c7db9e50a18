import { z } from 'zod';
import { MessageBody } from '../domain/message.ts';
import { CustomerId, TicketId, TicketNumber } from '../domain/ids.ts';
import { TicketChannel, TicketPriority, TicketTag, MAX_TAGS, normalizeTag } from '../domain/ticket.ts';

/**
 * What systems that create tickets send: a web form, monitoring, the email
 * gateway. The customer is matched (or created) from the requester's email and
 * its domain; the server assigns the ticket number.
 */
export const IntakeTicketRequest = z.object({
  subject: z.string().trim().min(1, 'enter a subject').max(500),
  body: z.string().max(100_000),
  requester: z.object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200).optional(),
  }),
  priority: TicketPriority.default('normal'),
  channel: TicketChannel.default('api'),
  /** Written as people type them ("Release 4.12"); stored normalized ("release-4.12"), without repeats. */
  tags: z
    .array(z.string().max(60).transform(normalizeTag).pipe(TicketTag))
    .max(MAX_TAGS)
    .default([])
    .transform((tags) => [...new Set(tags)]),
});
export type IntakeTicketRequest = z.input<typeof IntakeTicketRequest>;

/**
 * 201 with `created: true` when this request created the ticket; 200 with
 * `created: false` (and an `Idempotent-Replayed: true` header) when a retry with
 * the same Idempotency-Key gets the first request's answer back.
 */
export const IntakeTicketResponse = z.object({
  id: TicketId,
  number: TicketNumber,
  customerId: CustomerId,
  /** False when an earlier request with the same Idempotency-Key already created it. */
  created: z.boolean(),
});
export type IntakeTicketResponse = z.infer<typeof IntakeTicketResponse>;

export const IntakeMessageParams = z.object({ number: z.coerce.number().pipe(TicketNumber) });

export const IntakeMessageRequest = z.object({
  body: MessageBody,
  from: z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(200).optional() }),
});
export type IntakeMessageRequest = z.input<typeof IntakeMessageRequest>;

export const IntakeMessageResponse = z.object({
  ticketId: TicketId,
  number: TicketNumber,
  eventId: z.string(),
  created: z.boolean(),
});
export type IntakeMessageResponse = z.infer<typeof IntakeMessageResponse>;

/**
 * Retries of one request carry the same key, so a timeout never makes a
 * duplicate ticket. Printable ASCII, as Stripe and the IETF draft allow.
 */
export const IdempotencyKey = z
  .string()
  .min(8, 'use at least 8 characters (a UUID is ideal)')
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'use printable ASCII without spaces');

export const IntakeHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });
