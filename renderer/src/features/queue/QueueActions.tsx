import { useMemo } from 'react';
import { defineActions } from '../actions/action.ts';
import { useRegisterActions } from '../actions/ActionsProvider.tsx';
import type { QueueContext } from './queue-context.ts';
import { QUEUE_ACTIONS } from './queue-actions.ts';

// Validated once, when the module loads: a key bound twice fails at startup, not at 3 a.m.
const ACTIONS = defineActions<QueueContext>(QUEUE_ACTIONS);

/**
 * Puts the queue's actions on the keys, in the command palette and in the
 * shortcut sheet while it is open; saved views join the palette by name.
 */
export function QueueActions({ controller }: { controller: QueueContext }) {
  useRegisterActions(ACTIONS, controller);
  const savedViews = controller.views.filter((view) => !view.id.startsWith('builtin:'));
  const signature = savedViews.map((view) => `${view.id}:${view.name}`).join('|');
  const savedActions = useMemo(
    () =>
      defineActions<QueueContext>(
        savedViews.map((view) => ({
          id: `view.${view.id}`,
          title: `Go to ${view.name}`,
          group: 'Views',
          keys: [],
          keywords: ['view', 'saved'],
          run: (ctx) => ctx.showView(view.id),
        })),
      ),
    // Rebuilt when a saved view is added, renamed or removed, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [signature],
  );
  useRegisterActions(savedActions, controller);
  return null;
}
