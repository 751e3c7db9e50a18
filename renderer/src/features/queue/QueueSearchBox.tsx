import type { RefObject } from 'react';
import { useUiStore } from '../../state/ui-store.ts';
import { useQueueViewStore } from './queue-view-store.ts';

/**
 * Searches every local ticket as the agent types (`/` gets here). Enter goes
 * to the first result, keeping the keyboard on the list; Esc clears the search
 * and returns to the view.
 */
export function QueueSearchBox({
  inputRef,
  complete,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  complete: boolean;
}) {
  const search = useQueueViewStore((s) => s.search);
  const setSearch = useQueueViewStore((s) => s.setSearch);
  return (
    <span className="queue-search">
      <input
        ref={inputRef}
        type="search"
        className="queue-search__input"
        aria-label="Search tickets"
        aria-keyshortcuts="/"
        placeholder="Search tickets ( / )"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            setSearch('');
            event.currentTarget.blur();
          } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
            event.preventDefault();
            useUiStore.getState().selectTicket(null);
            event.currentTarget.blur();
          }
        }}
      />
      {search && !complete && (
        <span className="queue-search__note" role="status">
          still indexing: results so far
        </span>
      )}
    </span>
  );
}
