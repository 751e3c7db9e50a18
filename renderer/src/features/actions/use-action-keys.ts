import { useLayoutEffect } from 'react';
import type { BoundAction } from './action-registry.ts';
import { type KeyPlatform, createKeySequenceMatcher } from './key-binding.ts';
import { isKeyOwnedByControl, isTypingTarget } from './key-targets.ts';

/** `dialog:modal` is exactly "a modal dialog is open"; engines without the selector fall back to any open dialog. */
function isModalDialogOpen(): boolean {
  try {
    return document.querySelector('dialog:modal') !== null;
  } catch {
    return document.querySelector('dialog[open]') !== null;
  }
}

/**
 * The one window keydown listener for every registered action. A key press
 * runs the action bound to it if that action applies now, and is then
 * `preventDefault`ed (so is the first key of a sequence, "g" of "g o").
 *
 * Left alone: presses something else already handled (defaultPrevented),
 * IME composition, Enter/Space on a focused button or link (the control's own),
 * Escape while a modal dialog is open (it closes the dialog, and nothing else
 * should happen on the way), and, unless the action is `global`, anything
 * typed into a field or pressed while a modal dialog is open.
 *
 * A layout effect, so the listener is in place with the registry's latest
 * actions before the browser paints: a key pressed between paint and a plain
 * effect would otherwise run against the previous screen's actions. Contexts
 * are read at the moment of the key press through each action's `applies`
 * and `run`, so they are never stale either.
 */
export function useActionKeys(
  actions: readonly BoundAction[],
  platform: KeyPlatform,
  runAction: (action: BoundAction) => void,
): void {
  useLayoutEffect(() => {
    const byId = new Map(actions.map((action) => [action.id, action]));
    const matcher = createKeySequenceMatcher(
      actions.flatMap((action) => action.bindings.map((binding) => ({ id: action.id, binding }))),
      { platform },
    );
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const modal = isModalDialogOpen();
      if ((modal && event.key === 'Escape') || isKeyOwnedByControl(event.target, event.key)) {
        matcher.reset();
        return;
      }
      const restricted = modal || isTypingTarget(event.target);
      const result = matcher.feed(event, event.timeStamp, (id) => {
        const action = byId.get(id);
        return action !== undefined && (action.global || !restricted) && action.applies();
      });
      if (result === null) return;
      event.preventDefault();
      const action = result.kind === 'matched' ? byId.get(result.id) : undefined;
      if (action) runAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, platform, runAction]);
}
