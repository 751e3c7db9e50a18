import { describe, expect, it } from 'vitest';
import { validateActions } from '../../actions/action.ts';
import { MACRO_ACTIONS } from '../../macros/MacroKeys.tsx';
import { LIST_ACTIONS, MOVE_ACTIONS } from './console-actions.ts';

describe('the escalations screen actions', () => {
  // Live together on that screen, beside the macro keys that every screen has (the palette's and the
  // sheet's keys, mod+k and ?, are not letters and cannot clash with these).
  it('have unique ids and no key bound twice', () => {
    expect(() => validateActions([...LIST_ACTIONS, ...MOVE_ACTIONS, ...MACRO_ACTIONS])).not.toThrow();
  });
});
