import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { useWorkspace } from '../../app/workspace-context.tsx';

/**
 * Teammates' presence by ticket: who is viewing or replying where. The
 * agent's own windows are left out (they know where they are).
 */
export function usePresenceByTicket(): ReadonlyMap<string, PresenceEntry[]> {
  const { sync, user } = useWorkspace();
  const entries = useStore(sync.presence, (s) => s.entries);
  return useMemo(() => {
    const byTicket = new Map<string, PresenceEntry[]>();
    for (const entry of entries) {
      if (entry.userId === user.id) continue;
      const list = byTicket.get(entry.ticketId) ?? [];
      // One line per person, even with two windows open: "replying" wins over "viewing".
      const same = list.findIndex((other) => other.userId === entry.userId);
      if (same === -1) list.push(entry);
      else if (entry.activity === 'replying') list[same] = entry;
      byTicket.set(entry.ticketId, list);
    }
    return byTicket;
  }, [entries, user.id]);
}
