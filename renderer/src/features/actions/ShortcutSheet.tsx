import { useId, useState } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import type { BoundAction } from './action-registry.ts';
import type { KeyPlatform, ParsedBinding } from './key-binding.ts';
import { KeyBindingLabel, KeyBindingList } from './KeyBindingLabel.tsx';

interface ShortcutSheetProps {
  /** Every registered action; those with keys are listed. */
  actions: readonly BoundAction[];
  platform: KeyPlatform;
  /** The binding that opens the palette, for the hint at the top ("every action by name"). */
  paletteBinding: ParsedBinding | undefined;
  onClose: () => void;
}

interface Group {
  name: string;
  rows: { action: BoundAction; applies: boolean }[];
}

/** Groups in the order they first appear (screens register theirs in the order they mean). */
function groupActions(actions: readonly BoundAction[]): Group[] {
  const groups = new Map<string, Group>();
  for (const action of actions) {
    if (action.bindings.length === 0) continue;
    let group = groups.get(action.group);
    if (!group) {
      group = { name: action.group, rows: [] };
      groups.set(action.group, group);
    }
    group.rows.push({ action, applies: action.applies() });
  }
  return [...groups.values()];
}

/**
 * Every key the app answers to, read from the same registry the keys run
 * from. Keys that do nothing right now stay listed (the agent is learning the
 * map) but are dimmed and say so.
 */
export function ShortcutSheet({ actions, platform, paletteBinding, onClose }: ShortcutSheetProps) {
  // Decided on opening, like the palette: the sheet describes the moment it was asked for.
  const [groups] = useState(() => groupActions(actions));
  const base = useId();
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcut-sheet">
      <div className="shortcut-sheet">
        {paletteBinding && (
          <p className="shortcut-sheet__hint">
            Every action, with or without a key, is in the command palette:{' '}
            <KeyBindingLabel binding={paletteBinding} platform={platform} />.
          </p>
        )}
        {groups.map((group, index) => (
          <section key={group.name} className="shortcut-sheet__group" aria-labelledby={`${base}-group-${index}`}>
            <h3 id={`${base}-group-${index}`}>{group.name}</h3>
            <table className="shortcut-sheet__table" aria-labelledby={`${base}-group-${index}`}>
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Keys</th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map(({ action, applies }) => (
                  <tr
                    key={action.id}
                    data-action-id={action.id}
                    className={applies ? 'shortcut-sheet__row' : 'shortcut-sheet__row shortcut-sheet__row--inactive'}
                  >
                    <th scope="row" className="shortcut-sheet__title">
                      {action.title}
                      {!applies && (
                        <>
                          <span className="visually-hidden">, </span>
                          <span className="shortcut-sheet__note">not available now</span>
                        </>
                      )}
                    </th>
                    <td className="shortcut-sheet__keys">
                      <KeyBindingList bindings={action.bindings} platform={platform} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
