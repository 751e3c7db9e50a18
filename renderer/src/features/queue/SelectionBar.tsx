import { PRIORITY_LABELS } from '#shared/domain/labels';
import { TICKET_PRIORITIES } from '#shared/domain/ticket';
import { useUndoStore } from './undo-store.ts';
import type { QueueController } from './use-queue-controller.ts';

/** Shown while tickets are picked: how many, and what can be done to all of them at once. */
export function SelectionBar({ controller }: { controller: QueueController }) {
  const progress = useUndoStore((s) => s.progress);
  const count = controller.selection.size;
  if (count === 0 && !progress) return null;
  const { may, apply, clearPicks } = controller;
  return (
    <div className="selection-bar" role="region" aria-label="Selected tickets" data-testid="selection-bar">
      {progress ? (
        <span role="status">
          {progress.label}: <progress max={progress.total} value={progress.done} aria-label="Progress" />{' '}
          {progress.done.toLocaleString()} of {progress.total.toLocaleString()}
        </span>
      ) : (
        <>
          <strong data-testid="selection-count">{count.toLocaleString()} selected</strong>
          <span className="button-row" role="group" aria-label="Set priority of the selected tickets">
            {TICKET_PRIORITIES.map((priority, index) => (
              <button
                key={priority}
                type="button"
                className="button button--small"
                disabled={!may.triage}
                aria-keyshortcuts={String(index + 1)}
                onClick={() => apply({ kind: 'priority', priority })}
              >
                <kbd>{index + 1}</kbd> {PRIORITY_LABELS[priority]}
              </button>
            ))}
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={!may.claim}
            aria-keyshortcuts="a"
            onClick={() => apply({ kind: 'claim' })}
          >
            <kbd>a</kbd> Assign to me
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-keyshortcuts="Escape"
            onClick={clearPicks}
          >
            <kbd>Esc</kbd> Clear selection
          </button>
        </>
      )}
    </div>
  );
}
