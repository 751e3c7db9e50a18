import { useMemo } from 'react';
import type { Macro } from '#shared/domain/macro';
import { FilterCombobox } from '../actions/FilterCombobox.tsx';
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
  const results = useMemo(() => filterMacros(query, macros), [query, macros]);
  const status =
    macros.length === 0
      ? 'No macros yet: create one on the Macros screen.'
      : results.length === 0
        ? `No macro matches “${query.trim()}”`
        : `${results.length} ${results.length === 1 ? 'macro' : 'macros'}`;

  return (
    <div className="command-palette macro-picker">
      <FilterCombobox
        inputLabel="Filter macros"
        listLabel="Macros"
        placeholder="Type a macro’s name…"
        query={query}
        onQuery={onQuery}
        results={results}
        titleOf={(macro) => macro.name}
        details={(macro) => (
          <>
            <span className="command-palette__group">{kindLabel(macro)}</span>
            <span className="command-palette__group">{visibilityLabel(macro)}</span>
          </>
        )}
        optionData={(macro) => ({ 'data-macro-id': macro.id })}
        onChoose={onChoose}
        status={status}
        inputTestId="macro-picker-input"
      />
    </div>
  );
}
