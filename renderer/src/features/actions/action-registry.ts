import { type Action, validateActions } from './action.ts';
import type { KeyBinding, ParsedBinding } from './key-binding.ts';

/**
 * An action tied to the context of the screen that registered it, so the
 * palette, the sheet and the key handler can ask "does it apply?" and "run
 * it" without knowing that screen's context type.
 */
export interface BoundAction {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly keys: readonly KeyBinding[];
  readonly bindings: readonly ParsedBinding[];
  readonly keywords: readonly string[];
  readonly global: boolean;
  /** `when` against the registering screen's current context. */
  readonly applies: () => boolean;
  /** `run` with that context (callers check `applies` first). */
  readonly run: () => void | Promise<void>;
}

export interface ActionRegistry {
  /**
   * Adds a set of actions whose context `getCtx` returns at the moment of the
   * key press or palette choice. Returns the function that removes them.
   * Throws an ActionDefinitionError when they clash with what is registered.
   */
  register: <Ctx>(actions: readonly Action<Ctx>[], getCtx: () => Ctx) => () => void;
  /** Everything registered, in registration order; the same array until something changes. */
  list: () => readonly BoundAction[];
  subscribe: (listener: () => void) => () => void;
}

/** The live set of actions: a tiny external store, read with useSyncExternalStore. */
export function createActionRegistry(): ActionRegistry {
  const sets = new Map<symbol, readonly BoundAction[]>();
  const listeners = new Set<() => void>();
  let snapshot: readonly BoundAction[] = [];

  const publish = () => {
    snapshot = [...sets.values()].flat();
    for (const listener of listeners) listener();
  };

  return {
    register(actions, getCtx) {
      const bindings = validateActions([...snapshot, ...actions]);
      const bound = actions.map((action): BoundAction => ({
        id: action.id,
        title: action.title,
        group: action.group,
        keys: action.keys,
        bindings: bindings.get(action.id) ?? [],
        keywords: action.keywords ?? [],
        global: action.global === true,
        applies: () => action.when?.(getCtx()) ?? true,
        run: () => action.run(getCtx()),
      }));
      const token = Symbol('actions');
      sets.set(token, bound);
      publish();
      return () => {
        if (sets.delete(token)) publish();
      };
    },
    list: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
