import { Fragment } from 'react';
import { type KeyPlatform, type ParsedBinding, describeChord, formatChord } from './key-binding.ts';

interface KeyBindingLabelProps {
  binding: ParsedBinding;
  platform: KeyPlatform;
}

/**
 * A binding drawn as key caps: <kbd>⌘K</kbd>, or <kbd>G</kbd> then <kbd>O</kbd>.
 * Where the caps use symbols a screen reader reads badly (⌘, ⇧, ↓), it reads
 * the spelled-out name instead.
 */
export function KeyBindingLabel({ binding, platform }: KeyBindingLabelProps) {
  return (
    <span className="key-binding">
      {binding.chords.map((chord, index) => {
        const shown = formatChord(chord, platform);
        const spoken = describeChord(chord, platform);
        return (
          <Fragment key={index}>
            {index > 0 && <span className="key-binding__then"> then </span>}
            {shown === spoken ? (
              <kbd>{shown}</kbd>
            ) : (
              <kbd>
                <span aria-hidden="true">{shown}</span>
                <span className="visually-hidden">{spoken}</span>
              </kbd>
            )}
          </Fragment>
        );
      })}
    </span>
  );
}

/** Every binding of an action: "J or ↓". */
export function KeyBindingList({ bindings, platform }: { bindings: readonly ParsedBinding[]; platform: KeyPlatform }) {
  return (
    <span className="key-binding-list">
      {bindings.map((binding, index) => (
        <Fragment key={binding.canonical}>
          {index > 0 && <span className="key-binding-list__or"> or </span>}
          <KeyBindingLabel binding={binding} platform={platform} />
        </Fragment>
      ))}
    </span>
  );
}
