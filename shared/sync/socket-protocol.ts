import { z } from 'zod';
import { EpochMs, TicketId, UserId } from '../domain/ids.ts';

/**
 * The live channel (one WebSocket per window): content-free pokes after each
 * commit, presence, and a heartbeat so both ends notice a dead connection
 * within seconds. Nothing here is ever written to the database.
 */
export const PRESENCE_ACTIVITIES = ['viewing', 'replying'] as const;
export const PresenceActivity = z.enum(PRESENCE_ACTIVITIES);
export type PresenceActivity = z.infer<typeof PresenceActivity>;

/** How often a client says "still here"; the server answers each with a pong. */
export const HEARTBEAT_INTERVAL_MS = 4_000;
/** A client that heard nothing for this long treats the connection as dead. */
export const HEARTBEAT_TIMEOUT_MS = 4_000;
/** Presence of a window that stopped talking disappears after at most this long. */
export const PRESENCE_TTL_MS = 9_000;

export const PresenceState = z.object({
  ticketId: TicketId.nullable(),
  activity: PresenceActivity.nullable(),
});
export type PresenceState = z.infer<typeof PresenceState>;

export const SocketClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().min(1).max(200) }),
  z.object({ type: z.literal('presence'), state: PresenceState }),
  z.object({ type: z.literal('ping'), at: EpochMs }),
]);
export type SocketClientMessage = z.infer<typeof SocketClientMessage>;

/** One window's presence: which user, where, doing what. */
export const PresenceEntry = z.object({
  connectionId: z.string().min(1).max(100),
  userId: UserId,
  ticketId: TicketId,
  activity: PresenceActivity,
  since: EpochMs,
});
export type PresenceEntry = z.infer<typeof PresenceEntry>;

export const SocketServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), connectionId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('poke'), version: z.number().int().nonnegative() }),
  /** Everyone's presence in the workspace (a team is small: a full snapshot is simplest and self-healing). */
  z.object({ type: z.literal('presence'), entries: z.array(PresenceEntry).max(5_000) }),
  z.object({ type: z.literal('pong'), at: EpochMs }),
  /** Something for this person only: a ticket assigned to them, say. */
  z.object({
    type: z.literal('notice'),
    title: z.string().max(200),
    body: z.string().max(1_000),
    ticketId: z.string().max(200).nullable(),
  }),
  z.object({ type: z.literal('error'), code: z.string().max(100), message: z.string().max(1_000) }),
]);
export type SocketServerMessage = z.infer<typeof SocketServerMessage>;
