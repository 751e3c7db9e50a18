import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import type { Macro } from '#shared/domain/macro';
import { matchRuns } from '../actions/fuzzy-match.ts';
import { filterMacros, kindLabel, visibilityLabel } from './macro-order.ts';

interface MacroListProps {
  macros: readonly Macro[];
  query: string;
  onQuery: (query: string) => void;
  onChoose: (macro: Macro) => void;
}

/**
 * The macros by name (a combobox with a listbox, like the command palette):
 * type to filter, ↑/↓ to move, Enter to preview. The focus stays in the input.
 */
export function MacroList({ macros, query, onQuery, onChoose }: MacroListProps) {
  const [active, setActive] = useState(0);
  const base = useId();
  const listId = `${base}-list`;
  const optionId = (index: number) => `${base}-option-${index}`;
  const results = useMemo(() => filterMacros(query, macros), [query, macros]);
  const current = results[Math.min(active, results.length - 1)];
  const activeIndex = current ? results.indexOf(current) : -1;

  useEffect(() => {
    document.getElementById(`${base}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [base, activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const count = results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count > 0) setActive((activeIndex + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onChoose(current.item);
    }
  };

  const status =
    macros.length === 0
      ? 'No macros yet: create one on the Macros screen.'
      : results.length === 0
        ? `No macro matches “${query.trim()}”`
        : `${results.length} ${results.length === 1 ? 'macro' : 'macros'}`;

  return (
    <div className="command-palette macro-picker">
      <input
        className="command-palette__input"
        type="text"
        role="combobox"
        aria-label="Filter macros"
        aria-autocomplete="list"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={current ? optionId(activeIndex) : undefined}
        placeholder="Type a macro’s name…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          onQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-autofocus
        data-testid="macro-picker-input"
      />
      <ul id={listId} role="listbox" aria-label="Macros" className="command-palette__list" hidden={!results.length}>
        {results.map((result, index) => (
          <li
            key={result.item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="command-palette__option"
            data-macro-id={result.item.id}
            onMouseDown={(event) => event.preventDefault()}
            onPointerMove={() => {
              if (index !== activeIndex) setActive(index);
            }}
            onClick={() => onChoose(result.item)}
          >
            <span className="command-palette__title">
              {matchRuns(result.item.name, result.titleIndexes).map((run, at) =>
                run.matched ? <mark key={at}>{run.text}</mark> : <span key={at}>{run.text}</span>,
              )}
            </span>
            <span className="command-palette__group">{kindLabel(result.item)}</span>
            <span className="command-palette__group">{visibilityLabel(result.item)}</span>
          </li>
        ))}
      </ul>
      <p role="status" className={results.length ? 'visually-hidden' : 'command-palette__empty'}>
        {status}
      </p>
    </div>
  );
}
