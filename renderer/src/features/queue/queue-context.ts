import type { ViewSpec } from '#shared/query/builtin-views';
import type { ViewSnapshot } from '#shared/query/query-index';
import type { QueryRecord } from '#shared/query/query-record';
import type { TicketPriority } from '#shared/domain/ticket';
import type { TicketCommand } from './ticket-command.ts';

/**
 * What the queue's actions act on: the list on screen, where the cursor is,
 * what is picked, and the moves an agent makes. Actions (keys, palette,
 * shortcut sheet) read this and nothing else.
 */
export interface QueueContext {
  list: ViewSnapshot | undefined;
  cursor: QueryRecord | undefined;
  selection: ReadonlySet<string>;
  views: readonly ViewSpec[];
  viewId: string;
  searching: boolean;
  /**
   * The priority the open ticket's customer record suggests (the trust
   * ledger: failed lately, see shared/trust/assess-trust.ts); null when none.
   */
  suggestedPriority: TicketPriority | null;
  /** May this agent change priorities, statuses, assignees, merge, link problems? (the role × action table) */
  may: {
    triage: boolean;
    status: boolean;
    claim: boolean;
    merge: boolean;
    problems: boolean;
    escalate: boolean;
  };
  /** The flood the banner shows: how many look-alikes it offers to act on (0: volume only); null: none. */
  flood: { lookAlikes: number } | null;
  /** The ticket under the cursor is merged into another (it can be taken back out). */
  cursorMerged: boolean;
  moveCursor: (to: number | 'first' | 'last') => void;
  openCursor: () => void;
  togglePick: () => void;
  pickRange: () => void;
  pickAllShown: () => void;
  clearPicks: () => void;
  /** Applies to the picked tickets, or to the cursor's ticket when none is picked. */
  apply: (command: TicketCommand) => void;
  undo: () => void;
  showView: (viewId: string) => void;
  focusSearch: () => void;
  /** Esc: closes the search, then unpicks, then leaves the detail pane, one layer at a time. */
  back: () => void;
  focusTag: () => void;
  toggleDensity: () => void;
  toggleFilters: () => void;
  saveView: () => void;
  /** Merges the picked tickets into the cursor's. */
  mergeIntoCursor: () => void;
  /** Takes the cursor's ticket back out of the ticket it was merged into. */
  unmergeCursor: () => void;
  /** Opens the problem dialog for the picked tickets, or the cursor's. */
  linkToProblem: () => void;
  /** Starts an escalation packet for the picked tickets, or the cursor's, and opens its editor. */
  escalate: () => void;
  /** Picks the flood's look-alike tickets. */
  selectFlood: () => void;
  /** Opens the problem dialog for the flood's look-alikes, titled after them. */
  linkFlood: () => void;
  dismissFlood: () => void;
}
