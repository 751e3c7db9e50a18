import type { HandoverSubject } from '#shared/domain/handover';
import { type Action, defineActions } from '../actions/action.ts';

/** What "add to my handover" acts on where it is registered: the open ticket, packet, its problem or customer. */
export interface AddCtx {
  may: boolean;
  /** The main subject of the screen: the open ticket on the queue, the open packet on the escalations screen. */
  subject: HandoverSubject | null;
  /** The open ticket's problem and customer, offered from the palette (and by buttons beside them). */
  problem?: HandoverSubject | null;
  customer?: HandoverSubject | null;
  add: (subject: HandoverSubject) => void;
}

/** H for handover (h alone is "on hold"). One key, whichever screen the subject is on. */
export const HANDOVER_ADD_KEY = 'shift+h';

const addMain = (title: string): Action<AddCtx> => ({
  id: 'handover.add',
  title,
  group: 'Handover',
  keys: [HANDOVER_ADD_KEY],
  when: (ctx) => ctx.may && ctx.subject !== null,
  run: (ctx) => {
    if (ctx.subject) ctx.add(ctx.subject);
  },
  keywords: ['handover', 'handoff', 'shift', 'i-pass', 'next shift'],
});

/** On the queue: the open ticket by key, its problem and customer from the palette. */
export const QUEUE_HANDOVER_ACTIONS = defineActions<AddCtx>([
  addMain('Add the ticket to my handover…'),
  {
    id: 'handover.addProblem',
    title: 'Add the ticket’s problem to my handover…',
    group: 'Handover',
    keys: [],
    when: (ctx) => ctx.may && !!ctx.problem,
    run: (ctx) => {
      if (ctx.problem) ctx.add(ctx.problem);
    },
    keywords: ['handover', 'problem', 'incident'],
  },
  {
    id: 'handover.addCustomer',
    title: 'Add the ticket’s customer to my handover…',
    group: 'Handover',
    keys: [],
    when: (ctx) => ctx.may && !!ctx.customer,
    run: (ctx) => {
      if (ctx.customer) ctx.add(ctx.customer);
    },
    keywords: ['handover', 'customer', 'account', 'at risk'],
  },
]);

/** On the escalations screen: the open packet. */
export const ESCALATION_HANDOVER_ACTIONS = defineActions<AddCtx>([addMain('Add the escalation to my handover…')]);

/** From anywhere in the console: the handover screen. */
export const HANDOVER_SCREEN_ACTIONS = defineActions<{ may: boolean; show: () => void }>([
  {
    id: 'screen.handover',
    title: 'Go to Handover',
    group: 'Navigate',
    keys: ['g h'],
    when: (ctx) => ctx.may,
    run: (ctx) => ctx.show(),
    keywords: ['handover', 'handoff', 'shift', 'acknowledge', 'read-back'],
  },
]);
