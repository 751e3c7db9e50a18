import { useId } from 'react';
import type { SavedViewVisibility } from '#shared/domain/saved-view';

interface ViewVisibilityChoiceProps {
  value: SavedViewVisibility;
  onChange: (value: SavedViewVisibility) => void;
  /** Editing a teammate's shared view: taking it back makes it theirs alone, not the editor's. */
  ownedByOther: boolean;
}

/** Who sees a saved view: its owner only, or the whole team. */
export function ViewVisibilityChoice({ value, onChange, ownedByOther }: ViewVisibilityChoiceProps) {
  const name = useId();
  return (
    <fieldset className="field-group">
      <legend>Who sees it</legend>
      <label className="choice">
        <input type="radio" name={name} checked={value === 'personal'} onChange={() => onChange('personal')} />
        {ownedByOther ? 'Only the person who saved it' : 'Only me'}
      </label>
      <label className="choice">
        <input type="radio" name={name} checked={value === 'shared'} onChange={() => onChange('shared')} />
        Everyone on the team (leads and admins can change it too)
      </label>
    </fieldset>
  );
}
