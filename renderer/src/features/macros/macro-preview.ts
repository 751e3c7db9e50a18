import type { Customer } from '#shared/domain/customer';
import type { Macro, MacroActions } from '#shared/domain/macro';
import type { AgentMessageKind } from '#shared/domain/message';
import type { Ticket } from '#shared/domain/ticket';
import { type MacroContext, type RenderedMacro, renderMacro } from '#shared/macros/render-macro';

/** What a macro's variables are filled from on a real ticket. */
export function macroContextFor(ticket: Ticket, customer: Customer | undefined, agentName: string): MacroContext {
  return {
    ticket: {
      number: ticket.number,
      subject: ticket.subject,
      requesterName: ticket.requesterName,
      requesterEmail: ticket.requesterEmail,
    },
    customer: customer ? { name: customer.name } : undefined,
    agent: { name: agentName },
    // Replies on a ticket with merged duplicates go to each requester: their names are filled per copy.
    perRecipient: (ticket.merged?.length ?? 0) > 0,
  };
}

/** The made-up ticket the editor's live preview fills variables from. */
export function sampleMacroContext(agentName: string): MacroContext {
  return {
    ticket: {
      number: 1042,
      subject: 'Exports fail since this morning',
      requesterName: 'Alex Kim',
      requesterEmail: 'alex.kim@example.com',
    },
    customer: { name: 'Northwind Traders' },
    agent: { name: agentName },
  };
}

export function previewMacro(macro: Pick<Macro, 'body'>, context: MacroContext): RenderedMacro {
  return renderMacro(macro.body, context);
}

/** What an existing draft holds, as far as adding a macro to it goes. */
export interface DraftSoFar {
  kind: AgentMessageKind;
  body: string;
  actions?: MacroActions | undefined;
}

/** Whether there is anything in the draft worth asking about before a macro replaces it. */
export function hasWords(draft: DraftSoFar | null | undefined): draft is DraftSoFar {
  return draft !== null && draft !== undefined && draft.body.trim() !== '';
}

/**
 * Two macros' changes as one: the later one's status, priority and assignee
 * win; tags add up (a tag the later one removes is no longer added).
 */
export function mergeMacroActions(first: MacroActions | undefined, then: MacroActions): MacroActions {
  const union = (a: readonly string[] | undefined, b: readonly string[] | undefined, minus: readonly string[] = []) =>
    [...new Set([...(a ?? []), ...(b ?? [])])].filter((tag) => !minus.includes(tag));
  const addTags = union(first?.addTags, then.addTags, then.removeTags);
  const removeTags = union(first?.removeTags, then.removeTags, then.addTags);
  const merged: MacroActions = { ...first, ...then };
  delete merged.addTags;
  delete merged.removeTags;
  return {
    ...merged,
    ...(addTags.length > 0 ? { addTags } : {}),
    ...(removeTags.length > 0 ? { removeTags } : {}),
  };
}

/**
 * The draft a macro leaves: its text alone (new or replacing), or below what
 * the agent had written (appending keeps the draft's kind: the agent was
 * writing that, and a note's text must not turn into a reply by surprise).
 */
export function draftWithMacro(
  existing: DraftSoFar | null | undefined,
  macro: Pick<Macro, 'messageKind' | 'actions'>,
  text: string,
  mode: 'replace' | 'append',
): { kind: AgentMessageKind; body: string; actions: MacroActions } {
  if (mode === 'append' && hasWords(existing)) {
    return {
      kind: existing.kind,
      body: `${existing.body.trimEnd()}\n\n${text}`,
      actions: mergeMacroActions(existing.actions, macro.actions),
    };
  }
  return { kind: macro.messageKind, body: text, actions: macro.actions };
}
