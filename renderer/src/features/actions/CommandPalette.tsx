import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import type { BoundAction } from './action-registry.ts';
import { matchRuns, rankByFuzzy } from './fuzzy-match.ts';
import type { KeyPlatform } from './key-binding.ts';
import { KeyBindingLabel } from './KeyBindingLabel.tsx';

interface CommandPaletteProps {
  /** Every registered action; the palette lists those that apply when it opens. */
  actions: readonly BoundAction[];
  platform: KeyPlatform;
  /** Closes the palette, then runs the action (the provider does both, in that order). */
  onRun: (action: BoundAction) => void;
  onClose: () => void;
}

/** The title with the letters the query matched in <mark>: React elements, never an HTML string. */
function Highlighted({ text, indexes }: { text: string; indexes: readonly number[] }) {
  return matchRuns(text, indexes).map((run, index) =>
    run.matched ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>,
  );
}

/**
 * Every action by name (WAI-ARIA combobox with a listbox popup): type to
 * filter, ↑/↓ to move, Enter to run, Esc to close. Focus stays in the input
 * throughout; the active option is announced via aria-activedescendant.
 */
export function CommandPalette({ actions, platform, onRun, onClose }: CommandPaletteProps) {
  // Which actions apply is decided once, on opening: a list that reshuffled under the agent's
  // arrow keys (the queue changes as tickets sync in) would run something other than what they chose.
  const [available] = useState(() => actions.filter((action) => action.applies()));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const base = useId();
  const listId = `${base}-list`;
  const optionId = (index: number) => `${base}-option-${index}`;

  const results = useMemo(
    () => rankByFuzzy(query, available, (action) => ({ title: action.title, keywords: action.keywords })),
    [query, available],
  );
  const activeResult = results[active];

  useEffect(() => {
    document.getElementById(`${base}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [base, active]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const count = results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count > 0) setActive((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeResult) onRun(activeResult.item);
    }
  };

  const status =
    results.length === 0
      ? `No action matches “${query.trim()}”`
      : `${results.length} ${results.length === 1 ? 'action' : 'actions'}`;

  return (
    <Dialog title="Command palette" onClose={onClose} testId="command-palette">
      <div className="command-palette">
        <input
          className="command-palette__input"
          type="text"
          role="combobox"
          aria-label="Search actions"
          aria-autocomplete="list"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeResult ? optionId(active) : undefined}
          placeholder="Type an action…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-autofocus
          data-testid="command-palette-input"
        />
        <ul id={listId} role="listbox" aria-label="Actions" className="command-palette__list" hidden={!results.length}>
          {results.map((result, index) => {
            const [binding] = result.item.bindings;
            return (
              <li
                key={result.item.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="command-palette__option"
                data-action-id={result.item.id}
                // The input keeps the focus (and the combobox its state) when an option is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onPointerMove={() => {
                  if (index !== active) setActive(index);
                }}
                onClick={() => onRun(result.item)}
              >
                {/* <bdi>: a title may quote a ticket's subject; its direction must not leak into the group and keys. */}
                <bdi className="command-palette__title">
                  <Highlighted text={result.item.title} indexes={result.titleIndexes} />
                </bdi>
                <span className="command-palette__group">{result.item.group}</span>
                <span className="command-palette__keys">
                  {binding && <KeyBindingLabel binding={binding} platform={platform} />}
                </span>
              </li>
            );
          })}
        </ul>
        <p role="status" className={results.length ? 'visually-hidden' : 'command-palette__empty'}>
          {status}
        </p>
      </div>
    </Dialog>
  );
}
