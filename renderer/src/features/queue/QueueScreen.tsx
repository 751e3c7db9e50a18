import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useLayoutEffect, useMemo } from 'react';
import type { Ticket, TicketPriority } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { useNow } from '../../ui/use-now.ts';
import { isTypingTarget, queueKeyAction } from './queue-keys.ts';
import { loadCustomersById, loadQueue, loadUnsyncedTicketIds } from './queue-queries.ts';
import { TicketDetail } from './TicketDetail.tsx';
import { TicketRow } from './TicketRow.tsx';
import { setTicketPriority } from './triage-actions.ts';
import { useFirstPaintMark } from './use-first-paint-mark.ts';

const ROW_HEIGHT = 64;

/** The shift queue and the selected ticket, side by side, driven from the keyboard. */
export function QueueScreen() {
  const { db, user } = useWorkspace();
  const now = useNow();
  const queue = useLiveQuery(() => loadQueue(db), [db]);
  const customers = useLiveQuery(() => loadCustomersById(db), [db]);
  const unsynced = useLiveQuery(() => loadUnsyncedTicketIds(db), [db]);
  const selectedId = useUiStore((s) => s.selectedTicketId);
  const selectTicket = useUiStore((s) => s.selectTicket);
  const showFlash = useUiStore((s) => s.showFlash);

  const selectedIndex = useMemo(
    () => (queue && selectedId ? queue.findIndex((t) => t.id === selectedId) : -1),
    [queue, selectedId],
  );
  // Read by id, not from the queue: a ticket someone else just solved stays open here and workable.
  const selected = useLiveQuery(() => (selectedId ? db.tickets.get(selectedId) : undefined), [db, selectedId]);
  useFirstPaintMark(queue !== undefined && queue.length > 0);

  // Keep a selection once tickets exist, so the keyboard always has a target.
  useEffect(() => {
    if (queue && queue.length > 0 && selectedIndex === -1 && !selectedId) selectTicket(queue[0]?.id ?? null);
  }, [queue, selectedIndex, selectedId, selectTicket]);

  const changePriority = useCallback(
    async (ticket: Ticket, priority: TicketPriority) => {
      if (ticket.priority === priority) return;
      try {
        const refusal = await setTicketPriority(db, user, ticket.id, priority);
        if (refusal) showFlash(refusal);
      } catch (error) {
        showFlash(
          `The change could not be saved on this device: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    [db, user, showFlash],
  );

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
      } else if (selected) {
        void changePriority(selected, action.priority);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [queue, selectedIndex, selected, selectTicket, changePriority]);

  return (
    <main className="console">
      <section className="queue" aria-labelledby="queue-heading">
        <header className="queue__header">
          <h1 id="queue-heading">Shift queue</h1>
          <span className="queue__count" data-testid="queue-count">
            {queue === undefined ? 'Loading…' : `${queue.length.toLocaleString()} open`}
          </span>
        </header>
        {queue !== undefined && queue.length === 0 ? (
          <p className="queue__empty">
            Nothing in the queue. If this is your first sign-in, tickets appear as they download.
          </p>
        ) : (
          <VirtualList
            className="queue__list"
            items={queue ?? []}
            rowHeight={ROW_HEIGHT}
            getKey={(ticket) => ticket.id}
            scrollToIndex={selectedIndex === -1 ? null : selectedIndex}
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
        now={now}
        onSetPriority={(ticket, priority) => void changePriority(ticket, priority)}
      />
    </main>
  );
}
