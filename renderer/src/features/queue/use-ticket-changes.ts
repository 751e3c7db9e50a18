import { useCallback } from 'react';
import type { QueryRecord } from '#shared/query/query-record';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { type BatchChange, mutateBatch } from '../../sync/mutate.ts';
import { describeCommand } from './describe-command.ts';
import { planChanges, predictRecord } from './plan-changes.ts';
import { useUndoStore } from './undo-store.ts';
import type { TicketCommand } from './ticket-command.ts';

/** Selections at least this big show their progress while they are written. */
const SHOW_PROGRESS_FROM = 200;

export interface TicketChanges {
  /** Applies a command to one ticket or a selection: one transaction, one mutation per ticket, one undo. */
  apply: (tickets: readonly QueryRecord[], command: TicketCommand) => Promise<void>;
  /** Takes the last change back (all of a bulk change at once). */
  undo: () => Promise<void>;
}

/**
 * Every change an agent makes to tickets goes through here, from a key, a
 * button or the palette: planned per ticket, written locally in one
 * transaction (it syncs in the background), remembered for undo, and
 * summed up in a flash message with what the rules refused.
 */
export function useTicketChanges(): TicketChanges {
  const { db, user, query } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  const { remember, forget, setProgress } = useUndoStore.getState();

  const write = useCallback(
    async (label: string, changes: BatchChange[]) => {
      const big = changes.length >= SHOW_PROGRESS_FROM;
      if (big) setProgress({ label, done: 0, total: changes.length });
      try {
        return await mutateBatch(db, user, changes, {
          onProgress: big ? (done, total) => setProgress({ label, done, total }) : undefined,
        });
      } finally {
        if (big) setProgress(null);
      }
    },
    [db, user, setProgress],
  );

  const apply = useCallback(
    async (tickets: readonly QueryRecord[], command: TicketCommand) => {
      const planned = planChanges(tickets, command, user.id);
      if (planned.changes.length === 0) return;
      const label = describeCommand(command, planned.changes.length);
      const now = Date.now();
      const changed = tickets.filter((ticket) => planned.tickets.includes(ticket.id));
      // On screen in this frame; IndexedDB's answer follows and replaces the prediction.
      query.predict(changed.map((ticket) => predictRecord(ticket, command, user.id, now)));
      try {
        const outcome = await write(label, planned.changes);
        query.refresh(outcome.refused.map((refusal) => planned.tickets[refusal.index] ?? ''));
        const reversible = outcome.applied.flatMap((index) => planned.undo[index] ?? []);
        remember(label, reversible);
        const done = describeCommand(command, outcome.applied.length);
        if (outcome.refused.length === 0) {
          if (planned.changes.length > 1) showFlash(`${done}. Press z to undo.`);
        } else if (outcome.applied.length === 0) {
          showFlash(outcome.refused[0]?.message ?? 'The change was refused.');
        } else {
          showFlash(`${done}; ${outcome.refused.length} left unchanged: ${outcome.refused[0]?.message}`);
        }
      } catch (error) {
        query.refresh(planned.tickets);
        showFlash(
          `The change could not be saved on this device: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    [user.id, query, write, remember, showFlash],
  );

  const undo = useCallback(async () => {
    const last = useUndoStore.getState().last;
    if (!last) {
      showFlash('Nothing to undo.');
      return;
    }
    forget();
    try {
      const outcome = await write(`Undo: ${last.label}`, last.changes);
      showFlash(
        outcome.refused.length === 0
          ? `Undone: ${last.label}.`
          : `Undone on ${outcome.applied.length}; ${outcome.refused.length} could not be: ${outcome.refused[0]?.message}`,
      );
    } catch (error) {
      showFlash(
        `The undo could not be saved on this device: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }, [write, forget, showFlash]);

  return { apply, undo };
}
