import type { AnalystMove } from '#shared/escalation/analyst-console';
import { type Action, defineActions } from '../../actions/action.ts';

/** What the escalations screen's keys act on: the open packet and the moves it allows now. */
export interface MovesCtx {
  moves: readonly AnalystMove[];
  acknowledge: () => void;
  start: () => void;
  ask: () => void;
  forward: () => void;
  resolve: () => void;
  reopen: () => void;
}

const may = (move: AnalystMove) => (ctx: MovesCtx) => ctx.moves.includes(move);

/** The analyst's moves on the open packet; the form ones put the focus in their field. */
export const MOVE_ACTIONS: readonly Action<MovesCtx>[] = defineActions<MovesCtx>([
  {
    id: 'escalations.acknowledge',
    title: 'Acknowledge the escalation',
    group: 'Escalation',
    keys: ['a'],
    when: may('acknowledge'),
    run: (ctx) => ctx.acknowledge(),
    keywords: ['take', 'claim', 'analyst'],
  },
  {
    id: 'escalations.start',
    title: 'Start work on the escalation',
    group: 'Escalation',
    keys: ['s'],
    when: may('start'),
    run: (ctx) => ctx.start(),
    keywords: ['in progress'],
  },
  {
    id: 'escalations.ask',
    title: 'Ask the agent a question',
    group: 'Escalation',
    keys: ['q'],
    when: may('ask'),
    run: (ctx) => ctx.ask(),
    keywords: ['needs info', 'question'],
  },
  {
    id: 'escalations.forward',
    title: 'Forward to engineering…',
    group: 'Escalation',
    keys: ['f'],
    when: may('forward'),
    run: (ctx) => ctx.forward(),
    keywords: ['engineering', 'issue', 'jira', 'tracker'],
  },
  {
    id: 'escalations.resolve',
    title: 'Resolve: fixed or won’t fix…',
    group: 'Escalation',
    keys: ['r'],
    when: may('resolve'),
    run: (ctx) => ctx.resolve(),
    keywords: ['fixed', 'wont fix', 'close', 'resolution'],
  },
  {
    id: 'escalations.reopen',
    title: 'Reopen the escalation',
    group: 'Escalation',
    keys: ['shift+r'],
    when: may('reopen'),
    run: (ctx) => ctx.reopen(),
    keywords: ['regression', 'again'],
  },
]);

/** Moving through the escalations screen's lists. */
export interface ListCtx {
  count: number;
  move: (by: 1 | -1) => void;
}

export const LIST_ACTIONS: readonly Action<ListCtx>[] = defineActions<ListCtx>([
  {
    id: 'escalations.next',
    title: 'Next escalation',
    group: 'Navigate',
    keys: ['j'],
    when: (ctx) => ctx.count > 0,
    run: (ctx) => ctx.move(1),
  },
  {
    id: 'escalations.previous',
    title: 'Previous escalation',
    group: 'Navigate',
    keys: ['k'],
    when: (ctx) => ctx.count > 0,
    run: (ctx) => ctx.move(-1),
  },
]);
