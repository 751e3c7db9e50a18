import {
  type ReactNode,
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { flushSync } from 'react-dom';
import { type Action, defineActions } from './action.ts';
import { type ActionRegistry, type BoundAction, createActionRegistry } from './action-registry.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { type KeyPlatform, detectKeyPlatform } from './key-binding.ts';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { useActionKeys } from './use-action-keys.ts';

import { BUILTIN_ACTION_IDS } from './builtin-action-ids.ts';

export { BUILTIN_ACTION_IDS };

type Overlay = 'palette' | 'shortcuts' | null;

interface BuiltinCtx {
  openPalette: () => void;
  openShortcutSheet: () => void;
}

const builtinActions = defineActions<BuiltinCtx>([
  {
    id: BUILTIN_ACTION_IDS.commandPalette,
    title: 'Open command palette',
    group: 'Help',
    keys: ['mod+k'],
    // From a field too: the palette is how a keyboard-only agent gets anywhere.
    global: true,
    keywords: ['commands', 'actions', 'search'],
    run: (ctx) => ctx.openPalette(),
  },
  {
    id: BUILTIN_ACTION_IDS.shortcutSheet,
    title: 'Show keyboard shortcuts',
    group: 'Help',
    keys: ['?'],
    keywords: ['help', 'keys', 'cheat sheet'],
    run: (ctx) => ctx.openShortcutSheet(),
  },
]);

interface ActionsContextValue {
  registry: ActionRegistry;
  platform: KeyPlatform;
  openPalette: () => void;
  openShortcutSheet: () => void;
}

const ActionsContext = createContext<ActionsContextValue | null>(null);

function useActionsContext(hook: string): ActionsContextValue {
  const value = useContext(ActionsContext);
  if (!value) throw new Error(`${hook} needs an <ActionsProvider> above it`);
  return value;
}

interface ActionsProviderProps {
  children: ReactNode;
  /** Which key `mod` is and how keys are drawn; detected from the browser unless given. */
  platform?: KeyPlatform;
  /** An action that throws or rejects ends up here (default: the console). */
  onActionError?: (error: unknown, action: { id: string; title: string }) => void;
}

const defaultPlatform = (): KeyPlatform => (typeof navigator === 'undefined' ? 'other' : detectKeyPlatform(navigator));

/**
 * Holds the registry of live actions, listens for their keys, and shows the
 * command palette and the shortcut sheet. Mount it once, around the screens;
 * screens add their actions with useRegisterActions. The palette (mod+k) and
 * the sheet (?) are built in.
 */
export function ActionsProvider({ children, platform: givenPlatform, onActionError }: ActionsProviderProps) {
  const [registry] = useState(createActionRegistry);
  const [platform] = useState(() => givenPlatform ?? defaultPlatform());
  const [overlay, setOverlay] = useState<Overlay>(null);
  const actions = useSyncExternalStore(registry.subscribe, registry.list);

  const onError = useRef(onActionError);
  useLayoutEffect(() => {
    onError.current = onActionError;
  });

  const runAction = useCallback((action: BoundAction) => {
    const report = (error: unknown) => {
      if (onError.current) onError.current(error, { id: action.id, title: action.title });
      else console.error(`Action "${action.id}" failed`, error);
    };
    try {
      const result = action.run();
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  }, []);

  const openPalette = useCallback(() => setOverlay('palette'), []);
  const openShortcutSheet = useCallback(() => setOverlay('shortcuts'), []);
  // Each overlay closes only itself: a late close event from the one just replaced must not close the next.
  const closePalette = useCallback(() => setOverlay((open) => (open === 'palette' ? null : open)), []);
  const closeShortcutSheet = useCallback(() => setOverlay((open) => (open === 'shortcuts' ? null : open)), []);

  const runFromPalette = useCallback(
    (action: BoundAction) => {
      // Close first, synchronously, so the dialog has handed the focus back to where it was before the
      // action runs: an action that moves the focus (to the search field, a ticket) must not lose it to
      // the dialog's clean-up.
      flushSync(() => setOverlay((open) => (open === 'palette' ? null : open)));
      if (action.applies()) runAction(action);
    },
    [runAction],
  );

  const builtinCtx = useMemo<BuiltinCtx>(() => ({ openPalette, openShortcutSheet }), [openPalette, openShortcutSheet]);
  const value = useMemo<ActionsContextValue>(
    () => ({ registry, platform, openPalette, openShortcutSheet }),
    [registry, platform, openPalette, openShortcutSheet],
  );

  useLayoutEffect(() => registry.register(builtinActions, () => builtinCtx), [registry, builtinCtx]);
  useActionKeys(actions, platform, runAction);

  const paletteBinding = actions.find((action) => action.id === BUILTIN_ACTION_IDS.commandPalette)?.bindings[0];

  return (
    <ActionsContext.Provider value={value}>
      {children}
      {overlay === 'palette' && (
        <CommandPalette
          // The palette's own action would only reopen it.
          actions={actions.filter((action) => action.id !== BUILTIN_ACTION_IDS.commandPalette)}
          platform={platform}
          onRun={runFromPalette}
          onClose={closePalette}
        />
      )}
      {overlay === 'shortcuts' && (
        <ShortcutSheet
          actions={actions}
          platform={platform}
          paletteBinding={paletteBinding}
          onClose={closeShortcutSheet}
        />
      )}
    </ActionsContext.Provider>
  );
}

/**
 * Makes a screen's actions live while it is mounted. `actions` should be a
 * stable list (from defineActions at module level, or memoised): a new list
 * re-registers. `ctx` may change on every render; actions always see the
 * latest one when they are checked or run.
 *
 *   const queueActions = defineActions<QueueCtx>([...]);
 *   function Queue() {
 *     …
 *     useRegisterActions(queueActions, { selected, rows, moveBy, assignToMe });
 *   }
 */
export function useRegisterActions<Ctx>(actions: readonly Action<Ctx>[], ctx: Ctx): void {
  const { registry } = useActionsContext('useRegisterActions');
  const current = useRef(ctx);
  // Declared before the registration, so on mount the context is in place before any key can reach it.
  useLayoutEffect(() => {
    current.current = ctx;
  });
  useLayoutEffect(() => registry.register(actions, () => current.current), [registry, actions]);
}

/** Opens the palette or the sheet from a button ("Commands ⌘K"), and tells how keys are drawn here. */
export function useActionsUi(): Pick<ActionsContextValue, 'openPalette' | 'openShortcutSheet' | 'platform'> {
  const { openPalette, openShortcutSheet, platform } = useActionsContext('useActionsUi');
  return { openPalette, openShortcutSheet, platform };
}

/** Every live action (for a screen that shows a key next to a button, say). */
export function useRegisteredActions(): readonly BoundAction[] {
  const { registry } = useActionsContext('useRegisteredActions');
  return useSyncExternalStore(registry.subscribe, registry.list);
}
