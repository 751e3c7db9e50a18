import type { ViewSpec } from '#shared/query/builtin-views';
import { useLiveView, useQueryLoadStatus } from '../../query/use-live-view.ts';

interface ViewNavProps {
  views: readonly ViewSpec[];
  activeId: string;
  onShow: (viewId: string) => void;
  /** Saves what is on screen as a view (shift+s), or edits the saved view that is. */
  onSave: () => void;
  editable: boolean;
}

/** The views beside the queue, each with its live count and the g-key that jumps to it. */
export function ViewNav({ views, activeId, onShow, onSave, editable }: ViewNavProps) {
  return (
    <nav className="view-nav" aria-label="Views">
      <ul>
        {views.map((view) => (
          <li key={view.id}>
            <button
              type="button"
              className="view-nav__item"
              aria-current={view.id === activeId ? 'page' : undefined}
              data-view-id={view.id}
              title={view.description}
              onClick={() => onShow(view.id)}
            >
              <span className="view-nav__name">{view.name}</span>
              <ViewCount view={view} />
              {view.goKey && (
                <span className="view-nav__key" aria-hidden="true">
                  g {view.goKey}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--small button--quiet view-nav__save"
        aria-keyshortcuts="Shift+S"
        onClick={onSave}
      >
        <kbd>⇧S</kbd> {editable ? 'Edit this view…' : 'Save as a view…'}
      </button>
    </nav>
  );
}

/** The query layer key under which a view is kept live for its count (and for the list when unrefined). */
export function viewCountKey(viewId: string): string {
  return `view:${viewId}`;
}

/** Kept live by the query layer: a change to one ticket updates it without counting anything again. */
function ViewCount({ view }: { view: ViewSpec }) {
  const rows = useLiveView(viewCountKey(view.id), view.definition);
  const status = useQueryLoadStatus();
  const loading = status.phase !== 'ready';
  return (
    <span className="view-nav__count" data-testid={`view-count-${view.id}`} aria-busy={loading}>
      {loading || !rows ? '…' : rows.length.toLocaleString()}
      <span className="visually-hidden"> tickets</span>
    </span>
  );
}
