import type { MacroActions } from '#shared/domain/macro';
import { PRIORITY_LABELS, STATUS_LABELS } from '#shared/domain/labels';

/** One ticket change a macro will make when the message is sent, as the composer shows it. */
export type MacroActionChip =
  | { kind: 'status'; label: string }
  | { kind: 'priority'; label: string }
  | { kind: 'assignee'; label: string }
  | { kind: 'addTag'; tag: string; label: string }
  | { kind: 'removeTag'; tag: string; label: string };

/**
 * "set Waiting on customer", "add tag outage", "assign to me": the changes in
 * the order they will be applied, so "Then: …" reads like what will happen.
 * `nameOf` names a teammate the macro assigns to.
 */
export function macroActionChips(actions: MacroActions, nameOf: (userId: string) => string): MacroActionChip[] {
  const chips: MacroActionChip[] = [];
  if (actions.priority) chips.push({ kind: 'priority', label: `priority ${PRIORITY_LABELS[actions.priority]}` });
  for (const tag of actions.addTags ?? []) chips.push({ kind: 'addTag', tag, label: `add tag ${tag}` });
  for (const tag of actions.removeTags ?? []) chips.push({ kind: 'removeTag', tag, label: `remove tag ${tag}` });
  if (actions.assignee !== undefined) {
    const label =
      actions.assignee === 'me'
        ? 'assign to me'
        : actions.assignee === 'nobody'
          ? 'unassign'
          : `assign to ${nameOf(actions.assignee)}`;
    chips.push({ kind: 'assignee', label });
  }
  if (actions.status) chips.push({ kind: 'status', label: `set ${STATUS_LABELS[actions.status]}` });
  return chips;
}

/** The actions without one chip (the agent removed it from the composer). */
export function withoutChip(actions: MacroActions, chip: MacroActionChip): MacroActions {
  const next: MacroActions = { ...actions };
  switch (chip.kind) {
    case 'status':
      delete next.status;
      break;
    case 'priority':
      delete next.priority;
      break;
    case 'assignee':
      delete next.assignee;
      break;
    case 'addTag':
      next.addTags = (actions.addTags ?? []).filter((tag) => tag !== chip.tag);
      if (next.addTags.length === 0) delete next.addTags;
      break;
    case 'removeTag':
      next.removeTags = (actions.removeTags ?? []).filter((tag) => tag !== chip.tag);
      if (next.removeTags.length === 0) delete next.removeTags;
      break;
  }
  return next;
}

export const chipKey = (chip: MacroActionChip) =>
  chip.kind === 'addTag' || chip.kind === 'removeTag' ? `${chip.kind}:${chip.tag}` : chip.kind;
