import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { can } from '#shared/domain/permissions';
import type { Ticket, TicketPriority } from '#shared/domain/ticket';
import type { ViewSpec } from '#shared/query/builtin-views';
import type { ViewSnapshot } from '#shared/query/query-index';
import { type QueryRecord, toQueryRecord } from '#shared/query/query-record';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { useNow } from '../../ui/use-now.ts';
import { describeMove } from './describe-command.ts';
import type { QueueContext } from './queue-context.ts';
import { useQueueViewStore } from './queue-view-store.ts';
import { pickRange, togglePicked } from './selection.ts';
import { type CursorMove, cursorAnchor, stepFromAnchor } from './cursor-anchor.ts';
import { useTicketChanges } from './use-ticket-changes.ts';
import type { TicketCommand } from './ticket-command.ts';
import type { FloodAlert } from '../floods/use-flood-alert.ts';
import { mergeIntoTicket, unmergeTicket } from '../merge/merge-actions.ts';
import { useProblemDialogStore } from '../problems/problem-dialog-store.ts';
import { useEscalate } from '../escalations/packet/use-escalate.ts';

export interface QueueController extends QueueContext {
  now: number;
  /** "#1042 moved to Low", while the agent's place is held after their change moved the ticket. */
  cue: string | null;
  /** The row the list keeps in view: the cursor's, or the agent's place after their change moved the ticket. */
  placeIndex: number;
  select: (id: string) => void;
  applyTo: (tickets: readonly (QueryRecord | Ticket)[], command: TicketCommand) => void;
}

interface ControllerInput {
  list: ViewSnapshot | undefined;
  /** The flood the banner shows, if any. */
  flood: FloodAlert | null;
  onDismissFlood: () => void;
  /** The ticket under the cursor is merged into another. */
  cursorMerged: boolean;
  views: readonly ViewSpec[];
  searchInput: RefObject<HTMLInputElement | null>;
  tagInput: RefObject<HTMLInputElement | null>;
  onSaveView: () => void;
  /** What the open ticket's customer record suggests (useCustomerTrust). */
  suggestedPriority: TicketPriority | null;
}

/** The queue's moves, in one place: the actions registry, buttons and rows all call these. */
export function useQueueController({
  list,
  flood,
  onDismissFlood,
  cursorMerged,
  views,
  searchInput,
  tagInput,
  onSaveView,
  suggestedPriority,
}: ControllerInput): QueueController {
  const { db, user, query, sync } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  const openProblemDialog = useProblemDialogStore((s) => s.open);
  const escalateTickets = useEscalate();
  const now = useNow();
  const selectedId = useUiStore((s) => s.selectedTicketId);
  const selectTicket = useUiStore((s) => s.selectTicket);
  const selection = useQueueViewStore((s) => s.selection);
  const anchorId = useQueueViewStore((s) => s.anchorId);
  const viewId = useQueueViewStore((s) => s.viewId);
  const searching = useQueueViewStore((s) => s.search !== '');
  const changes = useTicketChanges();
  const [pendingMove, setPendingMove] = useState<CursorMove | null>(null);
  // Where the cursor was in the list, for j/k after its ticket left the list.
  const lastIndex = useRef(0);

  const cursorIndex = list && selectedId ? list.indexOf(selectedId) : -1;
  useEffect(() => {
    if (cursorIndex !== -1) lastIndex.current = cursorIndex;
  }, [cursorIndex]);
  const cursor = cursorIndex !== -1 ? list?.at(cursorIndex) : selectedId ? query.index.get(selectedId) : undefined;

  const anchor = cursorAnchor(list, pendingMove, (id) => query.index.get(id));
  // The anchor holds while the moved ticket stays open; going to another ticket ends it.
  const anchored = anchor !== null && anchor.id === selectedId ? anchor : null;
  const placeIndex = anchored ? Math.min(anchored.index, (list?.length ?? 1) - 1) : cursorIndex;

  // Keep a cursor once tickets exist, so the keyboard always has a target.
  useEffect(() => {
    if (list && list.length > 0 && !selectedId) selectTicket(list.at(0)?.id ?? null);
  }, [list, list?.version, selectedId, selectTicket]);

  // Teammates see which ticket this window has open.
  useEffect(() => {
    sync.setPresence({
      ticketId: (selectedId as Ticket['id'] | null) ?? null,
      activity: selectedId ? 'viewing' : null,
    });
  }, [sync, selectedId]);
  useEffect(() => () => sync.setPresence({ ticketId: null, activity: null }), [sync]);

  const moveCursor = useCallback(
    (to: number | 'first' | 'last') => {
      if (!list || list.length === 0) return;
      const from = cursorIndex === -1 ? Math.min(lastIndex.current, list.length - 1) : cursorIndex;
      const step = (by: number) => (anchored ? stepFromAnchor(anchored.index, by) : from + by);
      const target =
        to === 'first' ? 0 : to === 'last' ? list.length - 1 : Math.min(list.length - 1, Math.max(0, step(to)));
      setPendingMove(null);
      selectTicket(list.at(target)?.id ?? null);
    },
    [list, cursorIndex, anchored, selectTicket],
  );

  const applyTo = useCallback(
    (tickets: readonly (QueryRecord | Ticket)[], command: TicketCommand) => {
      const records = tickets.map((ticket) => ('body' in ticket ? toQueryRecord(ticket) : ticket));
      const only = records.length === 1 ? records[0] : undefined;
      let move: CursorMove | null = null;
      const place = anchored ? anchored.index : cursorIndex;
      if (only && only.id === selectedId && place !== -1) {
        const cue = `${only.number !== undefined ? `#${only.number}` : 'The ticket'} ${describeMove(command)}`;
        move = { before: query.index.get(only.id) ?? only, index: place, cue };
        setPendingMove(move);
      }
      void changes.apply(records, command).then(async () => {
        // Refused, or no change at all: nothing will move, so a later change by someone else is not followed.
        await query.settled();
        if (move && query.index.get(move.before.id) === move.before) {
          const unchanged = move;
          setPendingMove((current) => (current === unchanged ? null : current));
        }
      });
    },
    [changes, selectedId, cursorIndex, anchored, query],
  );

  const targets = useCallback((): QueryRecord[] => {
    if (selection.size > 0) {
      return [...selection].flatMap((id) => query.index.get(id) ?? []);
    }
    return cursor ? [cursor] : [];
  }, [selection, cursor, query]);

  const mergeIntoCursor = useCallback(() => {
    if (!cursor) return;
    const sources = [...selection].filter((id) => id !== cursor.id);
    const name = cursor.number !== undefined ? `#${cursor.number}` : 'this ticket';
    void mergeIntoTicket(db, user, cursor.id, sources).then(({ merged, refusal }) => {
      if (merged > 0) useQueueViewStore.getState().clearSelection();
      showFlash(
        refusal && merged === 0
          ? refusal
          : `Merged ${merged} ${merged === 1 ? 'ticket' : 'tickets'} into ${name}: one reply now reaches every requester.${refusal ? ` ${refusal}` : ''}`,
      );
    });
  }, [cursor, selection, db, user, showFlash]);

  const store = useQueueViewStore.getState();
  return useMemo<QueueController>(
    () => ({
      list,
      cursor,
      placeIndex,
      cue: anchored?.cue ?? null,
      selection,
      views,
      viewId,
      searching,
      now,
      suggestedPriority,
      may: {
        triage: can(user.role, 'ticket.triage'),
        status: can(user.role, 'ticket.status'),
        claim: can(user.role, 'ticket.claim'),
        merge: can(user.role, 'ticket.merge'),
        problems: can(user.role, 'problems.manage'),
        escalate: can(user.role, 'escalations.create'),
      },
      flood: flood ? { lookAlikes: flood.cluster?.ticketIds.length ?? 0 } : null,
      cursorMerged,
      mergeIntoCursor,
      unmergeCursor: () => {
        if (!cursor) return;
        void unmergeTicket(db, user, sync, cursor.id).then((refusal) =>
          showFlash(refusal ?? 'Taken back out of the merge: it stands on its own again.'),
        );
      },
      linkToProblem: () => {
        const chosen = targets();
        if (chosen.length === 0) return;
        openProblemDialog({ ticketIds: chosen.map((r) => r.id), suggestedTitle: chosen[0]?.subject ?? '' });
      },
      escalate: () => {
        const chosen = targets();
        if (chosen.length > 0) escalateTickets({ ticketIds: chosen.map((record) => record.id) });
      },
      selectFlood: () => {
        const ids = flood?.cluster?.ticketIds ?? [];
        if (ids.length > 0) store.setSelection(new Set(ids), null);
      },
      linkFlood: () => {
        const cluster = flood?.cluster;
        if (cluster) openProblemDialog({ ticketIds: cluster.ticketIds, suggestedTitle: cluster.label });
      },
      dismissFlood: onDismissFlood,
      select: (id) => selectTicket(id),
      moveCursor,
      openCursor: () => {
        if (!cursor) moveCursor('first');
        document.querySelector<HTMLElement>('[data-testid="ticket-detail"]')?.focus();
      },
      togglePick: () => cursor && store.setSelection(togglePicked(selection, cursor.id), cursor.id),
      pickRange: () => list && cursor && store.setSelection(pickRange(selection, list, anchorId, cursor.id), anchorId),
      pickAllShown: () => list && store.setSelection(new Set(list.slice(0, list.length).map((r) => r.id)), null),
      clearPicks: store.clearSelection,
      apply: (command) => {
        const chosen = targets();
        if (chosen.length > 0) applyTo(chosen, command);
      },
      applyTo,
      undo: () => void changes.undo(),
      showView: (id) => {
        store.showView(id);
        selectTicket(null);
      },
      focusSearch: () => searchInput.current?.focus(),
      back: () => {
        if (useQueueViewStore.getState().search !== '') store.setSearch('');
        else if (selection.size > 0) store.clearSelection();
        else (document.activeElement as HTMLElement | null)?.blur();
      },
      focusTag: () => tagInput.current?.focus(),
      toggleDensity: () =>
        store.setDensity(useQueueViewStore.getState().density === 'compact' ? 'comfortable' : 'compact'),
      toggleFilters: () => {
        const open = !useQueueViewStore.getState().filtersOpen;
        store.setFiltersOpen(open);
        // Straight to the first filter, so the keyboard can go on from there.
        if (open) requestAnimationFrame(() => document.querySelector<HTMLElement>('.filter-bar select')?.focus());
      },
      saveView: onSaveView,
    }),
    [
      list,
      cursor,
      placeIndex,
      anchored,
      selection,
      views,
      viewId,
      searching,
      now,
      suggestedPriority,
      user,
      selectTicket,
      moveCursor,
      anchorId,
      targets,
      applyTo,
      changes,
      searchInput,
      tagInput,
      onSaveView,
      store,
      flood,
      cursorMerged,
      mergeIntoCursor,
      db,
      showFlash,
      openProblemDialog,
      escalateTickets,
      onDismissFlood,
      sync,
    ],
  );
}
