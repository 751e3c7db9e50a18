import { PRIORITY_LABELS, STATUS_LABELS } from '#shared/domain/labels';
import { TICKET_PRIORITIES, type TicketStatus } from '#shared/domain/ticket';
import { BUILTIN_VIEWS } from '#shared/query/builtin-views';
import type { Action } from '../actions/action.ts';
import type { QueueContext } from './queue-context.ts';

type QueueAction = Action<QueueContext>;

const hasList = (ctx: QueueContext) => (ctx.list?.length ?? 0) > 0;
const hasTarget = (ctx: QueueContext) => ctx.selection.size > 0 || ctx.cursor !== undefined;

const navigation: QueueAction[] = [
  {
    id: 'queue.next',
    title: 'Next ticket',
    group: 'Navigate',
    keys: ['j', 'ArrowDown'],
    when: hasList,
    run: (ctx) => ctx.moveCursor(1),
  },
  {
    id: 'queue.previous',
    title: 'Previous ticket',
    group: 'Navigate',
    keys: ['k', 'ArrowUp'],
    when: hasList,
    run: (ctx) => ctx.moveCursor(-1),
  },
  {
    id: 'queue.pageDown',
    title: 'Ten tickets down',
    group: 'Navigate',
    keys: ['PageDown'],
    when: hasList,
    run: (ctx) => ctx.moveCursor(10),
  },
  {
    id: 'queue.pageUp',
    title: 'Ten tickets up',
    group: 'Navigate',
    keys: ['PageUp'],
    when: hasList,
    run: (ctx) => ctx.moveCursor(-10),
  },
  {
    id: 'queue.first',
    title: 'First ticket',
    group: 'Navigate',
    keys: ['Home'],
    when: hasList,
    run: (ctx) => ctx.moveCursor('first'),
  },
  {
    id: 'queue.last',
    title: 'Last ticket',
    group: 'Navigate',
    keys: ['End'],
    when: hasList,
    run: (ctx) => ctx.moveCursor('last'),
  },
  {
    id: 'queue.open',
    title: 'Open the ticket',
    group: 'Navigate',
    keys: ['Enter'],
    when: hasList,
    run: (ctx) => ctx.openCursor(),
    keywords: ['detail', 'read'],
  },
  {
    id: 'queue.search',
    title: 'Search tickets',
    group: 'Navigate',
    keys: ['/'],
    run: (ctx) => ctx.focusSearch(),
    keywords: ['find', 'look up'],
  },
  {
    id: 'queue.back',
    title: 'Back: close the search, clear the selection',
    group: 'Navigate',
    keys: ['Escape'],
    run: (ctx) => ctx.back(),
  },
];

const selection: QueueAction[] = [
  {
    id: 'selection.toggle',
    title: 'Select or unselect the ticket',
    group: 'Selection',
    keys: ['x'],
    when: (ctx) => ctx.cursor !== undefined,
    run: (ctx) => ctx.togglePick(),
    keywords: ['pick', 'check'],
  },
  {
    id: 'selection.range',
    title: 'Select every ticket from the last selected to here',
    group: 'Selection',
    keys: ['shift+x'],
    when: (ctx) => ctx.cursor !== undefined,
    run: (ctx) => ctx.pickRange(),
    keywords: ['range', 'pick'],
  },
  {
    id: 'selection.all',
    title: 'Select every ticket in the list',
    group: 'Selection',
    keys: ['shift+a'],
    when: hasList,
    run: (ctx) => ctx.pickAllShown(),
  },
  {
    id: 'selection.clear',
    title: 'Clear the selection',
    group: 'Selection',
    keys: ['shift+n'],
    when: (ctx) => ctx.selection.size > 0,
    run: (ctx) => ctx.clearPicks(),
    keywords: ['unselect', 'deselect'],
  },
];

const priorities: QueueAction[] = TICKET_PRIORITIES.map((priority, index) => ({
  id: `ticket.priority.${priority}`,
  title: `Set priority: ${PRIORITY_LABELS[priority]}`,
  group: 'Ticket',
  keys: [String(index + 1)],
  when: (ctx) => ctx.may.triage && hasTarget(ctx),
  run: (ctx) => ctx.apply({ kind: 'priority', priority }),
  keywords: ['priority', 'urgency'],
}));

/** Status keys as in Superhuman: o open, p waiting on customer (pending), h on hold, e done (solved). */
const STATUS_KEYS: readonly [TicketStatus, string][] = [
  ['open', 'o'],
  ['pending', 'p'],
  ['on_hold', 'h'],
  ['solved', 'e'],
];

const statuses: QueueAction[] = STATUS_KEYS.map(([status, key]) => ({
  id: `ticket.status.${status}`,
  title: `Move to ${STATUS_LABELS[status]}`,
  group: 'Ticket',
  keys: [key],
  when: (ctx) => ctx.may.status && hasTarget(ctx),
  run: (ctx) => ctx.apply({ kind: 'status', status }),
  keywords: ['status'],
}));

const ticket: QueueAction[] = [
  {
    id: 'ticket.assignToMe',
    title: 'Assign to me',
    group: 'Ticket',
    keys: ['a', 'c'],
    when: (ctx) => ctx.may.claim && hasTarget(ctx),
    run: (ctx) => ctx.apply({ kind: 'claim' }),
    keywords: ['claim', 'take', 'mine'],
  },
  {
    id: 'ticket.release',
    title: 'Release to the queue',
    group: 'Ticket',
    keys: ['u'],
    when: (ctx) => ctx.may.claim && hasTarget(ctx),
    run: (ctx) => ctx.apply({ kind: 'release' }),
    keywords: ['unassign', 'give back'],
  },
  {
    id: 'ticket.tag',
    title: 'Add a tag',
    group: 'Ticket',
    keys: ['t'],
    when: (ctx) => ctx.may.triage && ctx.cursor !== undefined && ctx.selection.size === 0,
    run: (ctx) => ctx.focusTag(),
    keywords: ['label'],
  },
  {
    id: 'ticket.priority.suggested',
    title: 'Raise to the suggested priority (customer at risk)',
    group: 'Ticket',
    // R for raise; shown as ⇧R on the suggestion's button (trust/TrustSuggestion.tsx).
    keys: ['shift+r'],
    when: (ctx) => ctx.may.triage && ctx.suggestedPriority !== null && ctx.selection.size === 0,
    run: (ctx) => {
      if (ctx.suggestedPriority !== null) ctx.apply({ kind: 'priority', priority: ctx.suggestedPriority });
    },
    keywords: ['trust', 'at risk', 'priority', 'suggestion', 'failed'],
  },
  {
    id: 'ticket.undo',
    title: 'Undo the last change',
    group: 'Ticket',
    keys: ['z', 'mod+z'],
    run: (ctx) => ctx.undo(),
    keywords: ['revert', 'take back'],
  },
];

const floods: QueueAction[] = [
  {
    id: 'ticket.merge',
    title: 'Merge the selected tickets into this one',
    group: 'Floods',
    keys: ['shift+m'],
    when: (ctx) => ctx.may.merge && ctx.cursor !== undefined && [...ctx.selection].some((id) => id !== ctx.cursor?.id),
    run: (ctx) => ctx.mergeIntoCursor(),
    keywords: ['duplicate', 'merge', 'combine', 'same problem'],
  },
  {
    id: 'ticket.unmerge',
    title: 'Take this ticket back out of its merge',
    group: 'Floods',
    keys: ['shift+u'],
    when: (ctx) => ctx.may.merge && ctx.cursorMerged,
    run: (ctx) => ctx.unmergeCursor(),
    keywords: ['unmerge', 'split', 'not a duplicate'],
  },
  {
    id: 'problem.link',
    title: 'Link to a problem…',
    group: 'Floods',
    keys: ['shift+p'],
    when: (ctx) => ctx.may.problems && hasTarget(ctx),
    run: (ctx) => ctx.linkToProblem(),
    keywords: ['problem', 'incident', 'known issue', 'cluster'],
  },
  {
    id: 'escalation.start',
    title: 'Escalate to an analyst…',
    group: 'Floods',
    // E for escalate (e alone is "solved").
    keys: ['shift+e'],
    when: (ctx) => ctx.may.escalate && hasTarget(ctx),
    run: (ctx) => ctx.escalate(),
    keywords: ['escalate', 'analyst', 'hand over', 'handoff', 'packet', 'bug'],
  },
  {
    id: 'flood.select',
    title: 'Select the flood’s look-alike tickets',
    group: 'Floods',
    keys: ['shift+f'],
    when: (ctx) => (ctx.flood?.lookAlikes ?? 0) > 0,
    run: (ctx) => ctx.selectFlood(),
    keywords: ['flood', 'cluster', 'similar', 'look-alike'],
  },
  {
    id: 'flood.link',
    title: 'Link the flood’s look-alikes to a problem…',
    group: 'Floods',
    keys: ['shift+l'],
    when: (ctx) => ctx.may.problems && (ctx.flood?.lookAlikes ?? 0) > 0,
    run: (ctx) => ctx.linkFlood(),
    keywords: ['flood', 'problem', 'cluster'],
  },
  {
    id: 'flood.dismiss',
    title: 'Not now: hide the flood alert',
    group: 'Floods',
    keys: [],
    when: (ctx) => ctx.flood !== null,
    run: (ctx) => ctx.dismissFlood(),
    keywords: ['flood', 'dismiss', 'snooze'],
  },
];

const views: QueueAction[] = [
  ...BUILTIN_VIEWS.filter((view) => view.goKey).map((view): QueueAction => ({
    id: `view.${view.id}`,
    title: `Go to ${view.name}`,
    group: 'Views',
    keys: [`g ${view.goKey}`],
    run: (ctx) => ctx.showView(view.id),
    keywords: ['view', 'switch', view.description],
  })),
  {
    id: 'view.save',
    title: 'Save this view…',
    group: 'Views',
    keys: ['shift+s'],
    when: (ctx) => !ctx.searching,
    run: (ctx) => ctx.saveView(),
    keywords: ['custom view', 'filter', 'share'],
  },
  {
    id: 'view.filters',
    title: 'Show or hide the filters',
    group: 'Views',
    keys: ['f'],
    when: (ctx) => !ctx.searching,
    run: (ctx) => ctx.toggleFilters(),
    keywords: ['filter', 'narrow', 'sort'],
  },
  {
    id: 'view.density',
    title: 'Switch between compact and comfortable rows',
    group: 'Views',
    keys: ['shift+d'],
    run: (ctx) => ctx.toggleDensity(),
    keywords: ['density', 'compact', 'rows'],
  },
];

/**
 * Everything an agent can do in the queue, declared once: the keys, the
 * command palette and the shortcut sheet all read this list.
 */
export const QUEUE_ACTIONS: readonly QueueAction[] = [
  ...navigation,
  ...selection,
  ...priorities,
  ...statuses,
  ...ticket,
  ...floods,
  ...views,
];
