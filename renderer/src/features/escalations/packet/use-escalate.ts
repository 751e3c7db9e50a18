import { useCallback } from 'react';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useUiStore } from '../../../state/ui-store.ts';
import { useEscalationDialogs } from '../escalation-dialogs-store.ts';
import { startEscalation } from './start-escalation.ts';

/**
 * Escalate: starts a prefilled draft for the tickets (or reopens the draft
 * they are already in) and opens the packet editor on it. One function for
 * the queue's key, the selection and the ticket's problem panel.
 */
export function useEscalate(): (target: { ticketIds: readonly string[]; problemId?: string | undefined }) => void {
  const { db, user } = useWorkspace();
  const openEditor = useEscalationDialogs((s) => s.openEditor);
  const showFlash = useUiStore((s) => s.showFlash);
  return useCallback(
    (target) => {
      if (target.ticketIds.length === 0 && target.problemId === undefined) return;
      void startEscalation(db, user, target).then((outcome) => {
        if (outcome.kind === 'refused') {
          showFlash(outcome.message);
          return;
        }
        openEditor(outcome.escalationId);
        if (outcome.kind === 'created' && outcome.note) showFlash(outcome.note);
      });
    },
    [db, user, openEditor, showFlash],
  );
}
