import { type KeyboardEvent, type ReactNode, useId } from 'react';
import type { Escalation } from '#shared/domain/escalation';

interface EscalationListProps {
  /** Names the list for screen readers ("Open escalations: mine"). */
  label: string;
  rows: readonly Escalation[];
  selectedId: string | null;
  onSelect: (escalationId: string) => void;
  /** One row's content (plain text only: packets are written by people). */
  renderRow: (row: Escalation) => ReactNode;
  empty: string;
  testId?: string;
}

/**
 * A single-select listbox of packets: one tab stop, arrows (Home, End) move
 * the selection and the detail pane follows, a click selects.
 */
export function EscalationList({ label, rows, selectedId, onSelect, renderRow, empty, testId }: EscalationListProps) {
  const base = useId();
  const optionId = (id: string) => `${base}-${id}`;
  const index = rows.findIndex((row) => row.id === selectedId);

  const onKeyDown = (event: KeyboardEvent) => {
    const last = rows.length - 1;
    const next =
      event.key === 'ArrowDown'
        ? Math.min(last, index + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const row = next === null ? undefined : rows[next];
    if (!row) return;
    event.preventDefault();
    onSelect(row.id);
    document.getElementById(optionId(row.id))?.scrollIntoView({ block: 'nearest' });
  };

  if (rows.length === 0) return <p className="escalations__empty">{empty}</p>;
  return (
    <ul
      role="listbox"
      aria-label={label}
      tabIndex={0}
      className="escalation-list"
      aria-activedescendant={index >= 0 ? optionId(rows[index]!.id) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        // Landing on the list with nothing picked picks the first, so the arrows have a start.
        if (index < 0 && rows[0]) onSelect(rows[0].id);
      }}
      data-testid={testId}
    >
      {rows.map((row) => (
        <li
          key={row.id}
          id={optionId(row.id)}
          role="option"
          aria-selected={row.id === selectedId}
          className="escalation-list__row"
          data-escalation-id={row.id}
          onClick={() => onSelect(row.id)}
        >
          {renderRow(row)}
        </li>
      ))}
    </ul>
  );
}
