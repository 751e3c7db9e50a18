import { type KeyboardEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { type Ranked, matchRuns } from './fuzzy-match.ts';

interface FilterComboboxProps<T extends { id: string }> {
  /** What the input filters, for screen readers ("Search actions"). */
  inputLabel: string;
  listLabel: string;
  placeholder: string;
  query: string;
  onQuery: (query: string) => void;
  /** Ranked matches for the query, best first. */
  results: readonly Ranked<T>[];
  titleOf: (item: T) => string;
  /** What each option shows after its title (group, keys, kind). */
  details: (item: T) => ReactNode;
  /** Data attributes that name the option's item (`{ 'data-action-id': id }`). */
  optionData: (item: T) => Record<`data-${string}`, string>;
  onChoose: (item: T) => void;
  /** Announced when the results change; shown when there are none. */
  status: string;
  inputTestId: string;
}

/** The title with the letters the query matched in <mark>: React elements, never an HTML string. */
function Highlighted({ text, indexes }: { text: string; indexes: readonly number[] }) {
  return matchRuns(text, indexes).map((run, index) =>
    run.matched ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>,
  );
}

/**
 * A list filtered by typing (WAI-ARIA combobox with a listbox popup): ↑/↓
 * move, Enter chooses. The focus stays in the input throughout; the active
 * option is announced via aria-activedescendant. The command palette and the
 * macro picker are both this, with their own items.
 */
export function FilterCombobox<T extends { id: string }>(props: FilterComboboxProps<T>) {
  const { results, onChoose } = props;
  const [active, setActive] = useState(0);
  const base = useId();
  const listId = `${base}-list`;
  const optionId = (index: number) => `${base}-option-${index}`;
  const activeIndex = Math.min(active, results.length - 1);
  const current = results[activeIndex];

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

  return (
    <>
      <input
        className="command-palette__input"
        type="text"
        role="combobox"
        aria-label={props.inputLabel}
        aria-autocomplete="list"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={current ? optionId(activeIndex) : undefined}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        value={props.query}
        onChange={(event) => {
          props.onQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-autofocus
        data-testid={props.inputTestId}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={props.listLabel}
        className="command-palette__list"
        hidden={!results.length}
      >
        {results.map((result, index) => (
          <li
            key={result.item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="command-palette__option"
            {...props.optionData(result.item)}
            // The input keeps the focus (and the combobox its state) when an option is clicked.
            onMouseDown={(event) => event.preventDefault()}
            onPointerMove={() => {
              if (index !== activeIndex) setActive(index);
            }}
            onClick={() => onChoose(result.item)}
          >
            {/* <bdi>: a title may quote a ticket's subject; its direction must not leak into what follows. */}
            <bdi className="command-palette__title">
              <Highlighted text={props.titleOf(result.item)} indexes={result.titleIndexes} />
            </bdi>
            {props.details(result.item)}
          </li>
        ))}
      </ul>
      <p role="status" className={results.length ? 'visually-hidden' : 'command-palette__empty'}>
        {props.status}
      </p>
    </>
  );
}
