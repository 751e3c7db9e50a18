import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { useNow } from '../../ui/use-now.ts';
import { usePresenceByTicket } from '../presence/use-presence.ts';
import { ArchiveSearch } from '../archive/ArchiveSearch.tsx';
import { DownloadProgress } from '../sync/DownloadProgress.tsx';
import { useSyncState, useSyncStatus } from '../sync/use-sync-status.ts';
import { isTypingTarget, queueKeyAction } from './queue-keys.ts';
import { loadCustomersById, loadQueue, loadUnsyncedTicketIds } from './queue-queries.ts';
import { TicketDetail } from './TicketDetail.tsx';
import { TicketRow } from './TicketRow.tsx';
import { type TicketCommand, useTicketCommands } from './use-ticket-commands.ts';
import { useFirstPaintMark } from './use-first-paint-mark.ts';
import { useTicketLink } from './use-ticket-link.ts';

const ROW_HEIGHT = 64;

/**
 * The shift queue and the selected ticket, side by side, driven from the
 * keyboard. Until this device has its first full copy of the window, it shows
 * the download instead (a queue that fills in row by row would only mislead).
 */
export function QueueScreen() {
  const syncState = useSyncState();
  // A download under way (the first, or a fresh one the server asked for) shows its progress, until
  // the catch-up after it is in too: mounting the queue earlier made it read the table while the last
  // writes waited for that read (two seconds at 100,000 tickets). A device that has synced before but
  // cannot reach the server keeps showing what it holds.
  const downloading = useSyncStatus((s) => s.download?.kind === 'full');
  if (syncState === undefined) return <main className="console" />;
  const neverSynced = syncState === null || (syncState.cookie === null && syncState.lastSyncedAt === null);
  if (neverSynced || downloading) return <DownloadProgress />;
  return <Queue stale={syncState.cookie === null} />;
}

function Queue({ stale }: { stale: boolean }) {
  const { db, sync } = useWorkspace();
  const now = useNow();
  const queue = useLiveQuery(() => loadQueue(db), [db]);
  const customers = useLiveQuery(() => loadCustomersById(db), [db]);
  const unsynced = useLiveQuery(() => loadUnsyncedTicketIds(db), [db]);
  const presence = usePresenceByTicket();
  const selectedId = useUiStore((s) => s.selectedTicketId);
  const selectTicket = useUiStore((s) => s.selectTicket);
  const tagInput = useRef<HTMLInputElement>(null);

  const selectedIndex = useMemo(
    () => (queue && selectedId ? queue.findIndex((t) => t.id === selectedId) : -1),
    [queue, selectedId],
  );
  // Read by id, not from the queue: a ticket someone else just solved stays open here and workable.
  const selected = useLiveQuery(() => (selectedId ? db.rows('ticket').get(selectedId) : undefined), [db, selectedId]);
  useFirstPaintMark(queue !== undefined && queue.length > 0);
  const run = useTicketCommands();
  useTicketLink();

  // Keep a selection once tickets exist, so the keyboard always has a target.
  useEffect(() => {
    if (queue && queue.length > 0 && selectedIndex === -1 && !selectedId) selectTicket(queue[0]?.id ?? null);
  }, [queue, selectedIndex, selectedId, selectTicket]);

  // Teammates see which ticket this window has open.
  useEffect(() => {
    sync.setPresence({
      ticketId: (selectedId as Ticket['id'] | null) ?? null,
      activity: selectedId ? 'viewing' : null,
    });
  }, [sync, selectedId]);
  useEffect(() => () => sync.setPresence({ ticketId: null, activity: null }), [sync]);

  const command = useCallback((ticket: Ticket, action: TicketCommand) => void run(ticket, action), [run]);

  // A layout effect, so the listener always acts on the ticket the screen shows: a plain effect
  // runs after paint, and a key pressed in between would change the previously selected ticket.
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!queue || isTypingTarget(event.target)) return;
      const action = queueKeyAction(event);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'move') {
        const next = Math.min(queue.length - 1, Math.max(0, (selectedIndex === -1 ? 0 : selectedIndex) + action.by));
        selectTicket(queue[next]?.id ?? null);
      } else if (action.kind === 'tag') {
        tagInput.current?.focus();
      } else if (selected) {
        command(selected, action);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [queue, selectedIndex, selected, selectTicket, command]);

  return (
    <main className="console">
      <section className="queue" aria-labelledby="queue-heading">
        <header className="queue__header">
          <h1 id="queue-heading">Shift queue</h1>
          <span className="queue__count" data-testid="queue-count">
            {queue === undefined ? 'Loading…' : `${queue.length.toLocaleString()} open`}
          </span>
          <ArchiveSearch />
        </header>
        {stale && (
          <p className="queue__stale" role="status" data-testid="queue-stale">
            This is the copy on this device: a fresh download of the queue starts as soon as the server is reachable.
          </p>
        )}
        {queue !== undefined && queue.length === 0 ? (
          <p className="queue__empty">Nothing in the queue right now.</p>
        ) : (
          <VirtualList
            className="queue__list"
            items={queue ?? []}
            rowHeight={ROW_HEIGHT}
            getKey={(ticket) => ticket.id}
            scrollToKey={selectedId}
            listProps={{
              role: 'listbox',
              'aria-label': 'Tickets, most urgent first',
              'aria-activedescendant': selected ? `ticket-option-${selected.id}` : undefined,
              'data-testid': 'queue-list',
            }}
            renderRow={(ticket) => (
              <TicketRow
                ticket={ticket}
                customer={customers?.get(ticket.customerId)}
                selected={ticket.id === selectedId}
                unsynced={unsynced?.has(ticket.id) ?? false}
                presence={presence.get(ticket.id)}
                now={now}
                onSelect={() => selectTicket(ticket.id)}
              />
            )}
          />
        )}
      </section>
      <TicketDetail
        ticket={selected}
        customer={selected ? customers?.get(selected.customerId) : undefined}
        unsynced={selected ? (unsynced?.has(selected.id) ?? false) : false}
        presence={selected ? presence.get(selected.id) : undefined}
        now={now}
        tagInput={tagInput}
        onCommand={command}
      />
    </main>
  );
}
