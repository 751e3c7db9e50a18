import type { TicketPriority, TicketStatus } from '#shared/domain/ticket';

/** What an agent can do to a ticket (or a selection of them), from a key, a button or the palette. */
export type TicketCommand =
  | { kind: 'priority'; priority: TicketPriority }
  | { kind: 'status'; status: TicketStatus }
  | { kind: 'claim' }
  | { kind: 'release' }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string };
