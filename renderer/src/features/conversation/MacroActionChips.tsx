import type { MacroActions } from '#shared/domain/macro';
import { type MacroActionChip, chipKey, macroActionChips } from './macro-action-chips.ts';

interface MacroActionChipsProps {
  actions: MacroActions;
  nameOf: (userId: string) => string;
  onRemove: (chip: MacroActionChip) => void;
}

/** "Then: set Waiting on customer ×, add tag outage ×": what the macro changes when the message is sent. */
export function MacroActionChips({ actions, nameOf, onRemove }: MacroActionChipsProps) {
  const chips = macroActionChips(actions, nameOf);
  if (chips.length === 0) return null;
  return (
    <div className="macro-chips" data-testid="macro-action-chips">
      <span className="macro-chips__lead" id="macro-chips-lead">
        Then:
      </span>
      <ul className="macro-chips__list" aria-labelledby="macro-chips-lead">
        {chips.map((chip) => (
          <li key={chipKey(chip)} className="macro-chip">
            {chip.label}
            <button
              type="button"
              className="macro-chip__remove"
              aria-label={`Do not ${chip.label}`}
              title="Remove this change; the message is kept"
              onClick={() => onRemove(chip)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
