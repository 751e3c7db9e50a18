import type { AgentMessageKind } from '#shared/domain/message';
import { defineActions } from '../actions/action.ts';

/** The ids of the conversation's actions (palette entries carry them as `data-action-id`). */
export const CONVERSATION_ACTION_IDS = {
  reply: 'conversation.reply',
  note: 'conversation.note',
  send: 'conversation.send',
  discard: 'conversation.discardDraft',
} as const;

/** What the conversation's actions act on: the open ticket and its composer. */
export interface ConversationContext {
  ticketId: string;
  /** May this person write replies and notes? (the role × action table) */
  mayWrite: boolean;
  composerOpen: boolean;
  hasDraft: boolean;
  openComposer: (kind: AgentMessageKind) => void;
  send: () => void;
  discard: () => void;
}

/** Declared once: the keys, the palette and the shortcut sheet read this list. */
export const CONVERSATION_ACTIONS = defineActions<ConversationContext>([
  {
    id: CONVERSATION_ACTION_IDS.reply,
    title: 'Reply to the customer',
    group: 'Conversation',
    keys: ['r'],
    when: (ctx) => ctx.mayWrite,
    run: (ctx) => ctx.openComposer('reply'),
    keywords: ['answer', 'respond', 'write', 'compose'],
  },
  {
    id: CONVERSATION_ACTION_IDS.note,
    title: 'Add an internal note',
    group: 'Conversation',
    keys: ['n'],
    when: (ctx) => ctx.mayWrite,
    run: (ctx) => ctx.openComposer('note'),
    keywords: ['comment', 'internal', 'private', 'team'],
  },
  {
    id: CONVERSATION_ACTION_IDS.send,
    title: 'Send the message',
    group: 'Conversation',
    keys: ['mod+Enter'],
    // From the text field: that is where the agent is when they finish writing.
    global: true,
    when: (ctx) => ctx.mayWrite && ctx.composerOpen,
    run: (ctx) => ctx.send(),
    keywords: ['submit', 'post'],
  },
  {
    id: CONVERSATION_ACTION_IDS.discard,
    title: 'Discard the draft',
    group: 'Conversation',
    keys: [],
    when: (ctx) => ctx.hasDraft,
    run: (ctx) => ctx.discard(),
    keywords: ['delete', 'throw away', 'clear'],
  },
]);
