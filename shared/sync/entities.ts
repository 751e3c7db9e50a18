import type { z } from 'zod';
import { Customer } from '../domain/customer.ts';
import { Member } from '../domain/member.ts';
import { Ticket } from '../domain/ticket.ts';
import { TicketEvent } from '../domain/ticket-event.ts';
import { MutationRejection } from './rejection.ts';

/**
 * Every kind of row the server syncs to clients, and its schema. The client
 * validates each row against this map as it arrives; the server validates each
 * row a mutator writes.
 */
export const entitySchemas = {
  member: Member,
  customer: Customer,
  ticket: Ticket,
  ticketEvent: TicketEvent,
  rejection: MutationRejection,
} as const;

export type EntityName = keyof typeof entitySchemas;
export type EntityRow<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;

export const ENTITY_NAMES = Object.keys(entitySchemas) as EntityName[];

/**
 * Entities that shared mutators may write. Members come from account
 * administration and rejections from the sync layer itself.
 */
export const MUTABLE_ENTITY_NAMES = ['customer', 'ticket', 'ticketEvent'] as const satisfies readonly EntityName[];
export type MutableEntityName = (typeof MUTABLE_ENTITY_NAMES)[number];

export function isMutableEntityName(value: string): value is MutableEntityName {
  return (MUTABLE_ENTITY_NAMES as readonly string[]).includes(value);
}

export function isEntityName(value: string): value is EntityName {
  return Object.hasOwn(entitySchemas, value);
}
