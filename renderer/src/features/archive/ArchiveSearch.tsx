import { type FormEvent, useRef, useState } from 'react';
import type { ArchivedTicketSummary } from '#shared/api/archive';
import { STATUS_LABELS } from '#shared/domain/labels';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { ApiError, NetworkError } from '../../sync/api-client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { formatTimestamp } from '../../ui/format.ts';
import { Isolated } from '../conversation/content/CustomerText.tsx';

/**
 * Tickets older than the sync window live only on the server. This searches
 * them there and opens one on demand (it stays on this device for a day).
 */
export function ArchiveSearch() {
  const { sync } = useWorkspace();
  const selectTicket = useUiStore((s) => s.selectTicket);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ArchivedTicketSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Only the latest search may show its answer (an older, slower one must not overwrite it).
  const latest = useRef(0);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const ticket = ++latest.current;
    setMessage('Searching…');
    try {
      const response = await sync.searchArchive({ query: query.trim(), limit: 20 });
      if (ticket !== latest.current) return;
      setResults(response.results);
      setMessage(response.results.length === 0 ? 'No ticket matches.' : null);
    } catch (error) {
      if (ticket !== latest.current) return;
      setMessage(
        error instanceof NetworkError
          ? 'The archive is on the server, which cannot be reached right now. Your queue keeps working offline.'
          : error instanceof ApiError
            ? error.message
            : `The search failed: ${String(error)}`,
      );
    }
  };

  const openTicket = async (id: string) => {
    setMessage('Opening…');
    try {
      if (await sync.fetchRoot('ticket', id)) {
        selectTicket(id);
        setOpen(false);
      } else setMessage('That ticket no longer exists on the server.');
    } catch {
      setMessage('The ticket could not be fetched; check the connection and try again.');
    }
  };

  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        Older tickets…
      </button>
      {open && (
        <Dialog title="Search older tickets" onClose={() => setOpen(false)} testId="archive-search">
          <form className="archive-search__form" onSubmit={(event) => void search(event)}>
            <label htmlFor="archive-query">Subject, requester or ticket id</label>
            <input id="archive-query" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus />
            <button type="submit" className="button" disabled={query.trim().length < 2}>
              Search
            </button>
          </form>
          {message && <p role="status">{message}</p>}
          {results && results.length > 0 && (
            <ul className="archive-search__results">
              {results.map((ticket) => (
                <li key={ticket.id}>
                  <button type="button" className="button button--quiet" onClick={() => void openTicket(ticket.id)}>
                    <Isolated>{ticket.subject}</Isolated> · <Isolated>{ticket.requesterName}</Isolated> ·{' '}
                    {STATUS_LABELS[ticket.status]} · {formatTimestamp(ticket.updatedAt)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Dialog>
      )}
    </>
  );
}
