import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Ticket } from '#shared/domain/ticket';
import { DEFAULT_VIEW_ID } from '#shared/query/builtin-views';
import { refineView, isRefined } from '#shared/query/refine-view';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useLiveView, useQueryLoadStatus } from '../../query/use-live-view.ts';
import { useViewPreview } from '../../query/use-view-preview.ts';
import { useTicketSearch } from '../../query/use-ticket-search.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { ArchiveSearch } from '../archive/ArchiveSearch.tsx';
import { DownloadProgress } from '../sync/DownloadProgress.tsx';
import { useSyncState, useSyncStatus } from '../sync/use-sync-status.ts';
import { FilterBar } from '../views/FilterBar.tsx';
import { SaveViewDialog } from '../views/SaveViewDialog.tsx';
import { ViewNav, viewCountKey } from '../views/ViewNav.tsx';
import { QueueActions } from './QueueActions.tsx';
import { QueueList } from './QueueList.tsx';
import { QueueSearchBox } from './QueueSearchBox.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { TicketDetail } from './TicketDetail.tsx';
import { loadCustomersById, loadUnsyncedTicketIds } from './queue-queries.ts';
import { useQueueViewStore } from './queue-view-store.ts';
import { useQueueViews } from './use-queue-views.ts';
import { useFirstPaintMark } from './use-first-paint-mark.ts';
import { useTicketLink } from './use-ticket-link.ts';
import { usePresenceByTicket } from '../presence/use-presence.ts';
import { useQueueController } from './use-queue-controller.ts';
import { useSlaNow } from '../sla/use-query-sla.ts';
import { useCustomerTrust } from '../trust/use-customer-trust.ts';
import { FloodBanner } from '../floods/FloodBanner.tsx';
import { useFloodAlert } from '../floods/use-flood-alert.ts';
import { ProblemDialogHost } from '../problems/ProblemDialogHost.tsx';
import { PacingBanner } from '../escalations/pacing/PacingBanner.tsx';
import { QueueHandoverKeys } from '../handover/HandoverKeys.tsx';
import { useAssigneeChoices } from '../shifts/use-assignee-choices.ts';

/** The list when the agent has refined the view with the filter bar. */
const REFINED_VIEW_KEY = 'queue:refined';

/**
 * The shift queue and the selected ticket, side by side, driven from the
 * keyboard. Until this device has its first full copy of the window, it shows
 * the download instead (a queue that fills in row by row would only mislead).
 */
export function QueueScreen() {
  const syncState = useSyncState();
  // A download under way (the first, or a fresh one the server asked for) shows its progress, until
  // the catch-up after it is in too. A device that has synced before but cannot reach the server keeps
  // showing what it holds.
  const downloading = useSyncStatus((s) => s.download?.kind === 'full');
  if (syncState === undefined) return <main className="console" />;
  const neverSynced = syncState === null || (syncState.cookie === null && syncState.lastSyncedAt === null);
  if (neverSynced || downloading) return <DownloadProgress />;
  return <Queue stale={syncState.cookie === null} />;
}

function Queue({ stale }: { stale: boolean }) {
  const { db, query } = useWorkspace();
  const { views, resolve, saved } = useQueueViews();
  const viewId = useQueueViewStore((s) => s.viewId);
  const refinement = useQueueViewStore((s) => s.refinement);
  const search = useQueueViewStore((s) => s.search);
  const density = useQueueViewStore((s) => s.density);
  const filtersOpen = useQueueViewStore((s) => s.filtersOpen);
  const { refine, sortBy, clearRefinement } = useQueueViewStore.getState();
  const spec = resolve(viewId);
  const definition = useMemo(() => refineView(spec.definition, refinement), [spec, refinement]);

  const status = useQueryLoadStatus();
  // An unrefined view is the one its count in the view list already maintains: one view, not two.
  const refined = isRefined(refinement);
  const live = useLiveView(refined ? REFINED_VIEW_KEY : viewCountKey(spec.id), definition);
  useEffect(() => {
    if (!refined) query.closeView(REFINED_VIEW_KEY);
  }, [query, refined]);
  const preview = useViewPreview(definition, status.phase !== 'ready');
  const results = useTicketSearch(search);
  const list = results ? results.list : status.phase === 'ready' ? live : (preview ?? live);

  const customers = useLiveQuery(() => loadCustomersById(db), [db]);
  const unsynced = useLiveQuery(() => loadUnsyncedTicketIds(db), [db]);
  const presence = usePresenceByTicket();
  const selectedId = useUiStore((s) => s.selectedTicketId);
  // Read by id, not from the list: a ticket someone else just solved stays open here and workable.
  const selected = useLiveQuery(() => (selectedId ? db.rows('ticket').get(selectedId) : undefined), [db, selectedId]);
  const selectedCustomer = selected ? customers?.get(selected.customerId) : undefined;
  // The customer's trust ledger, judged by the minute: the open ticket shows it, and its suggestion is on a key.
  const trust = useCustomerTrust(selected, selectedCustomer, useSlaNow(60_000));
  const searchInput = useRef<HTMLInputElement>(null);
  const tagInput = useRef<HTMLInputElement>(null);
  const [savingView, setSavingView] = useState(false);

  useFirstPaintMark(list !== undefined && list.length > 0);
  useTicketLink();
  const { alert: flood, dismiss: dismissFlood } = useFloodAlert();
  const controller = useQueueController({
    list,
    flood,
    onDismissFlood: dismissFlood,
    cursorMerged: selected?.mergedInto !== undefined,
    views,
    searchInput,
    tagInput,
    onSaveView: () => setSavingView(true),
    suggestedPriority: trust?.assessment.suggestedPriority ?? null,
  });

  // The assignee filter names who is on shift, and until when, first.
  const teammates = useAssigneeChoices();
  const customerChoices = useMemo(
    () =>
      [...(customers?.values() ?? [])]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((c) => ({ value: c.id, label: c.name })),
    [customers],
  );

  const refinedCount = Object.keys(refinement.filter).length + (refinement.sort ? 1 : 0);
  const heading = results ? `Search: ${search}` : spec.name;
  const count =
    list === undefined || (status.phase !== 'ready' && !results)
      ? status.phase === 'loading' && status.total
        ? `Loading ${status.loaded.toLocaleString()} of ${status.total.toLocaleString()}…`
        : 'Loading…'
      : `${list.length.toLocaleString()} ${list.length === 1 ? 'ticket' : 'tickets'}`;

  return (
    <main className={`console console--${density}`}>
      <QueueActions controller={controller} />
      <QueueHandoverKeys ticket={selected} customer={selectedCustomer} />
      <ViewNav
        views={views}
        activeId={spec.id}
        onShow={controller.showView}
        onSave={() => setSavingView(true)}
        editable={saved(spec.id) !== undefined}
      />
      <section className="queue" aria-labelledby="queue-heading">
        <header className="queue__header">
          <h1 id="queue-heading" data-testid="queue-view-name">
            {heading}
          </h1>
          <span
            className="queue__count"
            data-testid="queue-count"
            aria-live="polite"
            data-results-for={results?.text}
            data-complete={results ? String(results.complete) : undefined}
          >
            {count}
          </span>
          {!results && (
            <button
              type="button"
              className="button button--small button--quiet"
              aria-expanded={filtersOpen}
              aria-controls="queue-filters"
              aria-keyshortcuts="f"
              onClick={controller.toggleFilters}
            >
              <kbd>f</kbd> Filter{refinedCount > 0 ? ` (${refinedCount})` : ''}
            </button>
          )}
          <QueueSearchBox inputRef={searchInput} complete={results?.complete ?? true} />
          <ArchiveSearch />
        </header>
        {!results && filtersOpen && (
          <FilterBar
            definition={definition}
            teammates={teammates}
            customers={customerChoices}
            refined={refined}
            onRefine={refine}
            onSort={sortBy}
            onClear={clearRefinement}
            onDone={() => {
              controller.toggleFilters();
              document.querySelector<HTMLElement>('[data-testid="queue-list"]')?.focus();
            }}
          />
        )}
        {results?.failure && (
          <p className="queue__stale" role="alert">
            Search is not available right now ({results.failure}). Reload the app to start it again.
          </p>
        )}
        {stale && (
          <p className="queue__stale" role="status" data-testid="queue-stale">
            This is the copy on this device: a fresh download of the queue starts as soon as the server is reachable.
          </p>
        )}
        {status.phase === 'failed' && (
          <p className="queue__stale" role="alert">
            The queue could not be read from this device’s storage ({status.message}). Reload the app; if it keeps
            happening, sign out and in again to download a fresh copy.
          </p>
        )}
        {flood && (
          <FloodBanner
            alert={flood}
            onSelect={controller.selectFlood}
            onLink={controller.linkFlood}
            onDismiss={controller.dismissFlood}
          />
        )}
        <PacingBanner />
        <SelectionBar controller={controller} />
        <p className="queue__cue" role="status" aria-live="polite" data-testid="queue-cue" key={controller.cue}>
          {controller.cue}
        </p>
        <QueueList
          list={list}
          groupBy={results ? 'none' : definition.groupBy}
          cursorId={selectedId}
          placeIndex={controller.placeIndex}
          selection={controller.selection}
          customers={customers}
          unsynced={unsynced}
          presence={presence}
          terms={results?.terms ?? []}
          density={density}
          label={results ? `Search results for ${search}` : `${spec.name}: ${spec.description}`}
          onSelect={controller.select}
        />
      </section>
      <TicketDetail
        ticket={selected}
        customer={selectedCustomer}
        trust={trust}
        unsynced={selected ? (unsynced?.has(selected.id) ?? false) : false}
        presence={selected ? presence.get(selected.id) : undefined}
        now={controller.now}
        tagInput={tagInput}
        onCommand={(ticket: Ticket, command) => controller.applyTo([ticket], command)}
      />
      <ProblemDialogHost />
      {savingView && (
        <SaveViewDialog
          definition={definition}
          view={saved(spec.id)}
          onClose={() => setSavingView(false)}
          onSaved={(id) => {
            setSavingView(false);
            controller.showView(id);
          }}
          onDeleted={() => {
            setSavingView(false);
            controller.showView(DEFAULT_VIEW_ID);
          }}
        />
      )}
    </main>
  );
}
