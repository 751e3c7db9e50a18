import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { MacroId } from '#shared/domain/ids';
import type { Macro } from '#shared/domain/macro';
import { can } from '#shared/domain/permissions';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { type Action, defineActions } from '../actions/action.ts';
import { useRegisterActions } from '../actions/ActionsProvider.tsx';
import { MacroPicker } from './MacroPicker.tsx';
import { useMacros } from './macro-queries.ts';

interface MacroCtx {
  /** The ticket a macro would go to: the queue's open one, while the queue is on screen. */
  ticket: Ticket | undefined;
  mayUse: boolean;
  mayManage: boolean;
  openPicker: (macroId?: MacroId) => void;
  manage: () => void;
}

const canApply = (ctx: MacroCtx) => ctx.mayUse && ctx.ticket !== undefined;

/** The picker key and "Manage macros"; each macro also joins the palette by name (see below). */
export const MACRO_ACTIONS: readonly Action<MacroCtx>[] = defineActions<MacroCtx>([
  {
    id: 'macro.pick',
    title: 'Apply a macro…',
    group: 'Ticket',
    keys: ['m'],
    when: canApply,
    run: (ctx) => ctx.openPicker(),
    keywords: ['macro', 'canned reply', 'template', 'snippet'],
  },
  {
    id: 'macro.manage',
    title: 'Manage macros',
    group: 'Navigate',
    keys: [],
    when: (ctx) => ctx.mayManage,
    run: (ctx) => ctx.manage(),
    keywords: ['macro', 'edit', 'create', 'canned reply'],
  },
]);

interface MacroKeysProps {
  /** The queue is on screen, so a selected ticket is what the agent is looking at. */
  onQueue: boolean;
  /** Opens the Macros screen (absent when this role has none). */
  onManage: (() => void) | undefined;
}

/**
 * `m` opens the macro picker on the open ticket; every macro the agent may use
 * is also in the command palette as "Macro: <name>", straight to its preview.
 */
export function MacroKeys({ onQueue, onManage }: MacroKeysProps) {
  const { db, user } = useWorkspace();
  const macros = useMacros();
  const selectedId = useUiStore((s) => s.selectedTicketId);
  const ticketId = onQueue ? selectedId : null;
  const ticket = useLiveQuery(() => (ticketId ? db.rows('ticket').get(ticketId) : undefined), [db, ticketId]);
  const customer = useLiveQuery(
    () => (ticket ? db.rows('customer').get(ticket.customerId) : undefined),
    [db, ticket?.customerId],
  );
  const [picking, setPicking] = useState<{ ticketId: string; macroId: MacroId | undefined } | null>(null);

  const ctx: MacroCtx = {
    ticket,
    mayUse: can(user.role, 'ticket.reply'),
    mayManage: onManage !== undefined,
    openPicker: (macroId) => {
      if (ticket) setPicking({ ticketId: ticket.id, macroId });
    },
    manage: () => onManage?.(),
  };
  useRegisterActions(MACRO_ACTIONS, ctx);

  const signature = (macros ?? []).map((macro) => `${macro.id}:${macro.name}`).join('|');
  const byName = useMemo(
    () =>
      defineActions<MacroCtx>(
        (macros ?? []).map((macro: Macro) => ({
          id: `macro.apply.${macro.id}`,
          title: `Macro: ${macro.name}`,
          group: 'Macros',
          keys: [],
          when: canApply,
          run: (current) => current.openPicker(macro.id),
          keywords: ['macro', 'canned reply'],
        })),
      ),
    // Rebuilt when a macro is added, renamed or removed, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [signature],
  );
  useRegisterActions(byName, ctx);

  // The picker belongs to the ticket it was opened on: moving on (or leaving the queue) closes it.
  if (!picking || !ticket || picking.ticketId !== ticket.id || !macros) return null;
  return (
    <MacroPicker
      ticket={ticket}
      customer={customer}
      macros={macros}
      startWith={picking.macroId}
      onClose={() => setPicking(null)}
    />
  );
}
