import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  HEARTBEAT_INTERVAL_MS,
  PresenceEntry,
  type PresenceState,
  type SocketServerMessage,
} from '#shared/sync/socket-protocol';
import type { Database } from '../db/database.ts';
import { POKE_CHANNEL } from '../sync/sync-rows.ts';
import { PresenceBook } from './presence-book.ts';
import { SESSION_END_CHANNEL, SessionEndPayload } from './session-ends.ts';

export const PRESENCE_CHANNEL = 'shiftdesk_presence';
export const NOTICE_CHANNEL = 'shiftdesk_notice';

const PokePayload = z.object({ workspaceId: z.string(), version: z.number().int().nonnegative() });
const PresencePayload = z.object({
  instanceId: z.string(),
  workspaceId: z.string(),
  part: z.number().int().nonnegative(),
  parts: z.number().int().positive(),
  entries: z.array(PresenceEntry),
});
const NoticePayload = z.object({
  workspaceId: z.string(),
  userId: z.string(),
  title: z.string().max(200),
  body: z.string().max(1_000),
  ticketId: z.string().max(200).nullable(),
});
export type Notice = z.infer<typeof NoticePayload>;

/** A signed-in socket, as the hub sees it. */
export interface LiveConnection {
  readonly connectionId: string;
  setPresence: (state: PresenceState) => void;
  close: () => void;
}

interface Member {
  workspaceId: string;
  userId: string;
  send: (message: SocketServerMessage) => void;
  /** Some session of this user ended somewhere: the socket checks whether it was its own. */
  onSessionEnd: () => void;
}

/** NOTIFY payloads are capped at 8000 bytes; presence lists are sent in slices below that (20 entries at their longest ≈ 5 KB). */
const PRESENCE_SLICE = 20;

/**
 * The live side of the server: every signed-in socket of this instance, and
 * what reaches them. Pokes, presence and notices travel between instances via
 * Postgres NOTIFY, so agents connected to different instances behind a load
 * balancer see each other. Presence is never written to the database.
 */
export class LiveHub {
  readonly instanceId = randomUUID();
  private readonly members = new Map<string, Member>();
  private readonly book = new PresenceBook();
  private readonly pendingBroadcasts = new Set<string>();
  private broadcastTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private unlisten: (() => Promise<void>)[] = [];

  constructor(
    private readonly db: Database,
    private readonly onError: (error: unknown, what: string) => void,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await Promise.all([
      this.db.listen(POKE_CHANNEL, (payload) => this.receive(PokePayload, payload, (p) => this.deliverPoke(p))),
      this.db.listen(PRESENCE_CHANNEL, (payload) =>
        this.receive(PresencePayload, payload, (p) => {
          if (p.instanceId === this.instanceId) return;
          this.book.setRemote(p.instanceId, p.workspaceId, p.entries, Date.now(), p.part, p.parts);
          this.scheduleBroadcast(p.workspaceId, false);
        }),
      ),
      this.db.listen(NOTICE_CHANNEL, (payload) => this.receive(NoticePayload, payload, (p) => this.deliverNotice(p))),
      this.db.listen(SESSION_END_CHANNEL, (payload) =>
        this.receive(SessionEndPayload, payload, ({ userId }) => {
          for (const member of this.members.values()) if (member.userId === userId) member.onSessionEnd();
        }),
      ),
    ]);
    // Re-announce our own presence (other instances expire what they stop hearing) and expire theirs.
    this.heartbeat = setInterval(() => {
      for (const workspaceId of this.book.localWorkspaces()) this.publishPresence(workspaceId);
      for (const workspaceId of this.book.expire(Date.now())) this.scheduleBroadcast(workspaceId, false);
    }, HEARTBEAT_INTERVAL_MS / 2);
  }

  async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    clearTimeout(this.broadcastTimer);
    await Promise.all(this.unlisten.map((unlisten) => unlisten()));
    this.members.clear();
  }

  connect(
    workspaceId: string,
    userId: string,
    send: Member['send'],
    onSessionEnd: Member['onSessionEnd'] = () => undefined,
  ): LiveConnection {
    const connectionId = randomUUID();
    this.members.set(connectionId, { workspaceId, userId, send, onSessionEnd });
    send({ type: 'presence', entries: this.book.entries(workspaceId) });
    return {
      connectionId,
      setPresence: (state) => {
        if (this.book.setLocal(workspaceId, connectionId, userId, state, Date.now())) {
          this.scheduleBroadcast(workspaceId, true);
        }
      },
      close: () => {
        this.members.delete(connectionId);
        if (this.book.removeLocal(connectionId)) this.scheduleBroadcast(workspaceId, true);
      },
    };
  }

  /**
   * Who has the app open right now: every signed-in socket on this instance,
   * plus the people other instances report in their presence. Presence only
   * travels for windows showing a ticket, so someone connected to another
   * instance with no ticket open is not seen here (on one instance, the usual
   * set-up, the answer is exact).
   */
  connectedUserIds(workspaceId: string): Set<string> {
    const ids = new Set<string>();
    for (const member of this.members.values()) if (member.workspaceId === workspaceId) ids.add(member.userId);
    for (const entry of this.book.entries(workspaceId)) ids.add(entry.userId);
    return ids;
  }

  /** Tells one person something (on whichever instance their sockets are). */
  notify(notice: Notice): void {
    this.db.query('select pg_notify($1, $2)', [NOTICE_CHANNEL, JSON.stringify(notice)]).catch((error: unknown) => {
      this.onError(error, 'sending a notice');
    });
  }

  private receive<T>(schema: z.ZodType<T>, payload: string, handle: (value: T) => void): void {
    try {
      const parsed = schema.safeParse(JSON.parse(payload));
      if (parsed.success) handle(parsed.data);
    } catch {
      // Not ours or malformed: nothing to deliver.
    }
  }

  private deliverPoke({ workspaceId, version }: z.infer<typeof PokePayload>): void {
    for (const member of this.members.values()) {
      if (member.workspaceId === workspaceId) member.send({ type: 'poke', version });
    }
  }

  private deliverNotice(notice: Notice): void {
    for (const member of this.members.values()) {
      if (member.workspaceId === notice.workspaceId && member.userId === notice.userId) {
        member.send({ type: 'notice', title: notice.title, body: notice.body, ticketId: notice.ticketId });
      }
    }
  }

  /** Coalesces presence changes for a moment, so a burst of key presses sends one update. */
  private scheduleBroadcast(workspaceId: string, localChange: boolean): void {
    if (localChange) this.publishPresence(workspaceId);
    this.pendingBroadcasts.add(workspaceId);
    this.broadcastTimer ??= setTimeout(() => {
      this.broadcastTimer = undefined;
      for (const id of this.pendingBroadcasts) {
        const entries = this.book.entries(id);
        for (const member of this.members.values()) {
          if (member.workspaceId === id) member.send({ type: 'presence', entries });
        }
      }
      this.pendingBroadcasts.clear();
    }, 30);
  }

  private publishPresence(workspaceId: string): void {
    const entries = this.book.localEntries(workspaceId);
    const slices: PresenceEntry[][] = entries.length === 0 ? [[]] : [];
    for (let start = 0; start < entries.length; start += PRESENCE_SLICE)
      slices.push(entries.slice(start, start + PRESENCE_SLICE));
    for (const [part, slice] of slices.entries()) {
      const payload = JSON.stringify({
        instanceId: this.instanceId,
        workspaceId,
        part,
        parts: slices.length,
        entries: slice,
      });
      this.db.query('select pg_notify($1, $2)', [PRESENCE_CHANNEL, payload]).catch((error: unknown) => {
        this.onError(error, 'publishing presence');
      });
    }
  }
}
