import type { PresenceEntry, PresenceState } from '#shared/sync/socket-protocol';
import { PRESENCE_TTL_MS } from '#shared/sync/socket-protocol';

interface RemoteList {
  entries: PresenceEntry[];
  seenAt: number;
}

/**
 * Who is where, per workspace: this instance's own connections, plus what the
 * other instances last reported. Pure bookkeeping, so the timing rules (a
 * silent instance's entries expire) are tested without sockets or clocks.
 */
export class PresenceBook {
  private readonly local = new Map<string, { workspaceId: string; entry: PresenceEntry | null }>();
  /** instanceId → workspaceId → part → that instance's entries (long lists travel in parts). */
  private readonly remote = new Map<string, Map<string, Map<number, RemoteList>>>();

  /** Sets a local connection's presence; returns whether anything visible changed. */
  setLocal(workspaceId: string, connectionId: string, userId: string, state: PresenceState, now: number): boolean {
    const previous = this.local.get(connectionId)?.entry ?? null;
    const entry: PresenceEntry | null =
      state.ticketId && state.activity
        ? {
            connectionId,
            userId: userId as PresenceEntry['userId'],
            ticketId: state.ticketId,
            activity: state.activity,
            since: previous?.ticketId === state.ticketId && previous.activity === state.activity ? previous.since : now,
          }
        : null;
    this.local.set(connectionId, { workspaceId, entry });
    return previous?.ticketId !== entry?.ticketId || previous?.activity !== entry?.activity;
  }

  /** Forgets a closed connection; returns its workspace if it was showing anywhere. */
  removeLocal(connectionId: string): string | null {
    const found = this.local.get(connectionId);
    this.local.delete(connectionId);
    return found?.entry ? found.workspaceId : null;
  }

  localEntries(workspaceId: string): PresenceEntry[] {
    return [...this.local.values()].flatMap((item) =>
      item.workspaceId === workspaceId && item.entry ? [item.entry] : [],
    );
  }

  /** Workspaces with at least one local connection (to re-announce them on the heartbeat). */
  localWorkspaces(): Set<string> {
    return new Set([...this.local.values()].map((item) => item.workspaceId));
  }

  /** Replaces part `part` (of `parts`) of what another instance reported for a workspace. */
  setRemote(instanceId: string, workspaceId: string, entries: PresenceEntry[], now: number, part = 0, parts = 1): void {
    let workspaces = this.remote.get(instanceId);
    if (!workspaces) {
      workspaces = new Map();
      this.remote.set(instanceId, workspaces);
    }
    let partsOf = workspaces.get(workspaceId);
    if (!partsOf) {
      partsOf = new Map();
      workspaces.set(workspaceId, partsOf);
    }
    partsOf.set(part, { entries, seenAt: now });
    for (const index of partsOf.keys()) if (index >= parts) partsOf.delete(index);
  }

  /** Drops remote lists not refreshed within the TTL; returns the workspaces that changed. */
  expire(now: number): Set<string> {
    const changed = new Set<string>();
    for (const [instanceId, workspaces] of this.remote) {
      for (const [workspaceId, partsOf] of workspaces) {
        for (const [part, list] of partsOf) {
          if (now - list.seenAt < PRESENCE_TTL_MS) continue;
          partsOf.delete(part);
          if (list.entries.length > 0) changed.add(workspaceId);
        }
        if (partsOf.size === 0) workspaces.delete(workspaceId);
      }
      if (workspaces.size === 0) this.remote.delete(instanceId);
    }
    return changed;
  }

  entries(workspaceId: string): PresenceEntry[] {
    const remote = [...this.remote.values()].flatMap((workspaces) =>
      [...(workspaces.get(workspaceId)?.values() ?? [])].flatMap((list) => list.entries),
    );
    return [...this.localEntries(workspaceId), ...remote];
  }
}
