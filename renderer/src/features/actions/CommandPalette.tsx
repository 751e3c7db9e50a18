import { useMemo, useState } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import type { BoundAction } from './action-registry.ts';
import { FilterCombobox } from './FilterCombobox.tsx';
import { rankByFuzzy } from './fuzzy-match.ts';
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
  const results = useMemo(
    () => rankByFuzzy(query, available, (action) => ({ title: action.title, keywords: action.keywords })),
    [query, available],
  );
  const status =
    results.length === 0
      ? `No action matches “${query.trim()}”`
      : `${results.length} ${results.length === 1 ? 'action' : 'actions'}`;

  return (
    <Dialog title="Command palette" onClose={onClose} testId="command-palette">
      <div className="command-palette">
        <FilterCombobox
          inputLabel="Search actions"
          listLabel="Actions"
          placeholder="Type an action…"
          query={query}
          onQuery={setQuery}
          results={results}
          titleOf={(action) => action.title}
          details={(action) => {
            const [binding] = action.bindings;
            return (
              <>
                <span className="command-palette__group">{action.group}</span>
                <span className="command-palette__keys">
                  {binding && <KeyBindingLabel binding={binding} platform={platform} />}
                </span>
              </>
            );
          }}
          optionData={(action) => ({ 'data-action-id': action.id })}
          onChoose={onRun}
          status={status}
          inputTestId="command-palette-input"
        />
      </div>
    </Dialog>
  );
}
