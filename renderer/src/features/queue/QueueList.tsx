import type { Customer } from '#shared/domain/customer';
import type { ViewSnapshot } from '#shared/query/query-index';
import type { QueryRecord } from '#shared/query/query-record';
import type { GroupField } from '#shared/query/view-definition';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../ui/format.ts';
import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { VirtualList } from '../../ui/VirtualList.tsx';
import { useNow } from '../../ui/use-now.ts';
import type { Density } from './queue-view-store.ts';
import { TicketRow } from './TicketRow.tsx';

/** Row heights per density: compact fits 25+ rows at 1080p, comfortable shows two lines at ease. */
export const ROW_HEIGHTS: Readonly<Record<Density, number>> = { comfortable: 56, compact: 34 };

interface QueueListProps {
  list: ViewSnapshot | undefined;
  /** Grouped views label the first row of each group (rows keep one height, so no separate heading rows). */
  groupBy: GroupField;
  cursorId: string | null;
  /** The row to keep in view (usually the cursor's). */
  placeIndex: number;
  selection: ReadonlySet<string>;
  customers: ReadonlyMap<string, Customer> | undefined;
  unsynced: ReadonlySet<string> | undefined;
  presence: ReadonlyMap<string, PresenceEntry[]>;
  terms: readonly string[];
  density: Density;
  label: string;
  onSelect: (id: string) => void;
}

function groupLabel(groupBy: GroupField, ticket: QueryRecord | undefined): string | null {
  if (!ticket || groupBy === 'none') return null;
  return groupBy === 'status' ? STATUS_LABELS[ticket.status] : PRIORITY_LABELS[ticket.priority];
}

/** The list on screen: only the rows in view are read from the query layer and rendered. */
export function QueueList({
  list,
  groupBy,
  cursorId,
  placeIndex,
  selection,
  customers,
  unsynced,
  presence,
  terms,
  density,
  label,
  onSelect,
}: QueueListProps) {
  const now = useNow();
  const length = list?.length ?? 0;
  const cursorIndex = cursorId && list ? list.indexOf(cursorId) : -1;
  // Keys are read for the rows in view only, on each render.
  const getKey = (index: number) => list?.at(index)?.id ?? `missing-${index}`;

  if (list !== undefined && length === 0) {
    return <p className="queue__empty">Nothing here right now.</p>;
  }
  return (
    <VirtualList
      className={`queue__list queue__list--${density}`}
      count={length}
      rowHeight={ROW_HEIGHTS[density]}
      getKey={getKey}
      follow={{ key: cursorId, index: placeIndex }}
      listProps={{
        role: 'listbox',
        'aria-label': label,
        'aria-multiselectable': 'true',
        'aria-activedescendant': cursorIndex !== -1 ? `ticket-option-${cursorId}` : undefined,
        'data-testid': 'queue-list',
      }}
      renderRow={(index) => {
        const ticket = list?.at(index);
        if (!ticket) return null;
        const group = groupLabel(groupBy, ticket);
        const startsGroup = group !== null && (index === 0 || groupLabel(groupBy, list?.at(index - 1)) !== group);
        return (
          <TicketRow
            ticket={ticket}
            customerName={customers?.get(ticket.customerId)?.name}
            cursor={ticket.id === cursorId}
            picked={selection.has(ticket.id)}
            unsynced={unsynced?.has(ticket.id) ?? false}
            presence={presence.get(ticket.id)}
            now={now}
            terms={terms}
            position={index + 1}
            listSize={length}
            groupStart={startsGroup ? group : null}
            onSelect={onSelect}
          />
        );
      }}
    />
  );
}
