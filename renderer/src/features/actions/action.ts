import { type KeyBinding, type ParsedBinding, parseBinding } from './key-binding.ts';

/**
 * Something the agent can do, declared once: the key handler, the command
 * palette and the shortcut sheet all read this, so a key shown is a key that
 * works. `Ctx` is whatever the screen that registers the action knows (the
 * selected ticket, the visible rows, the signed-in agent).
 */
export interface Action<Ctx> {
  /** Stable and unique across everything registered at once ("ticket.assignToMe"). */
  id: string;
  /** A verb phrase the palette matches and shows ("Assign to me"). */
  title: string;
  /** The heading it is listed under: 'Navigate', 'Ticket', 'Selection', 'Views', 'Help'… */
  group: string;
  /** Key bindings (see key-binding.ts); empty for palette-only actions. The first is the one shown in the palette. */
  keys: readonly KeyBinding[];
  /** Whether it applies now; left out, it always does. Actions that do not apply are neither listed nor run. */
  when?: (ctx: Ctx) => boolean;
  run: (ctx: Ctx) => void | Promise<void>;
  /** Other words the palette matches ("claim", "take" for "Assign to me"). */
  keywords?: readonly string[];
  /**
   * Its keys work even while the agent types in a field or a dialog is open
   * (mod+k, Escape). Leave unset for plain letters: they belong to the field.
   */
  global?: true;
}

export class ActionDefinitionError extends Error {
  override name = 'ActionDefinitionError';
}

/** The parts of an action that validation reads (the registry validates bound actions too). */
type Declared = Pick<Action<never>, 'id' | 'title' | 'keys'>;

/**
 * Checks a set of actions that will be live together and returns their parsed
 * bindings: ids are unique, every binding parses, no binding is used twice,
 * and no binding is the start of a sequence ("g" and "g o" cannot both work).
 * Throws an ActionDefinitionError naming the actions involved.
 */
export function validateActions(actions: readonly Declared[]): Map<string, readonly ParsedBinding[]> {
  const parsed = new Map<string, readonly ParsedBinding[]>();
  const owners = new Map<string, { id: string; source: string }>();
  for (const action of actions) {
    if (action.id.trim() === '') throw new ActionDefinitionError(`An action titled "${action.title}" has no id`);
    if (action.title.trim() === '') throw new ActionDefinitionError(`Action "${action.id}" has no title`);
    if (parsed.has(action.id)) throw new ActionDefinitionError(`Two actions have the id "${action.id}"`);
    const bindings = action.keys.map((key) => {
      try {
        return parseBinding(key);
      } catch (error) {
        throw new ActionDefinitionError(`Action "${action.id}": ${(error as Error).message}`, { cause: error });
      }
    });
    for (const binding of bindings) {
      const owner = owners.get(binding.canonical);
      if (owner) {
        // `when` could keep them apart, but proving that is not possible here: one key, one action.
        throw new ActionDefinitionError(
          owner.id === action.id
            ? `Action "${action.id}" lists "${binding.source}" twice`
            : `Actions "${owner.id}" and "${action.id}" are both bound to "${binding.source}"`,
        );
      }
      owners.set(binding.canonical, { id: action.id, source: binding.source });
    }
    parsed.set(action.id, bindings);
  }
  const canonicals = [...owners.keys()];
  for (const shorter of canonicals) {
    for (const longer of canonicals) {
      if (longer !== shorter && longer.startsWith(`${shorter} `)) {
        const a = owners.get(shorter);
        const b = owners.get(longer);
        throw new ActionDefinitionError(
          `"${a?.source}" (${a?.id}) is the start of "${b?.source}" (${b?.id}): the longer one could never be typed`,
        );
      }
    }
  }
  return parsed;
}

/**
 * Declares a screen's actions, checked when the module loads so a clash is a
 * startup error rather than a key that silently does the other thing. The
 * registry checks again across everything registered at once.
 */
export function defineActions<Ctx>(list: readonly Action<Ctx>[]): readonly Action<Ctx>[] {
  validateActions(list);
  return Object.freeze([...list]);
}
